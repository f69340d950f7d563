package io.opencases.rest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Connect Cases service model, read once from the trimmed copy on the classpath (see src/build/trim-model.py).
 * Routing, binding and validation are all derived from it, so the wire layer cannot drift from the contract.
 */
public final class ServiceModel {
    static final String RESOURCE = "/io/opencases/rest/connectcases-2022-10-03.model.json";

    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;

    private ServiceModel(Map<String, Operation> operations, Map<String, Shape> shapes) {
        this.operations = Map.copyOf(operations);
        this.shapes = Map.copyOf(shapes);
    }

    public static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("service model resource missing: " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceModel parse(JsonNode model) {
        var operations = new LinkedHashMap<String, Operation>();
        model.get("operations").fields().forEachRemaining(e -> {
            JsonNode op = e.getValue();
            var errors = new ArrayList<String>();
            op.path("errors").forEach(err -> errors.add(err.asText()));
            operations.put(e.getKey(), new Operation(e.getKey(), op.get("http").get("method").asText(),
                    op.get("http").get("requestUri").asText(), textOrNull(op, "input"), textOrNull(op, "output"),
                    List.copyOf(errors)));
        });
        var shapes = new LinkedHashMap<String, Shape>();
        model.get("shapes").fields().forEachRemaining(e -> shapes.put(e.getKey(), shape(e.getKey(), e.getValue())));
        return new ServiceModel(operations, shapes);
    }

    private static Shape shape(String name, JsonNode s) {
        var members = new LinkedHashMap<String, Shape.Member>();
        s.path("members").fields().forEachRemaining(m -> members.put(m.getKey(), new Shape.Member(m.getKey(),
                m.getValue().get("shape").asText(), textOrNull(m.getValue(), "location"),
                textOrNull(m.getValue(), "locationName"))));
        var required = new HashSet<String>();
        s.path("required").forEach(r -> required.add(r.asText()));
        List<String> enumValues = null;
        if (s.has("enum")) {
            var values = new ArrayList<String>();
            s.get("enum").forEach(v -> values.add(v.asText()));
            enumValues = List.copyOf(values);
        }
        String pattern = textOrNull(s, "pattern");
        return new Shape(name, Shape.Type.of(s.get("type").asText()), members, Set.copyOf(required),
                s.has("min") ? s.get("min").asDouble() : null, s.has("max") ? s.get("max").asDouble() : null,
                pattern == null ? null : Pattern.compile(pattern), enumValues, s.path("union").asBoolean(false),
                s.path("sensitive").asBoolean(false), textOrNull(s, "member"), textOrNull(s, "key"),
                textOrNull(s, "value"));
    }

    private static String textOrNull(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    public List<Operation> operations() {
        return List.copyOf(operations.values());
    }

    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no shape " + name);
        }
        return shape;
    }
}
