package io.opencases.rest.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles an operation's input structure from the JSON body, the URI labels and the query string, following the
 * model's member locations. The result is what the validator checks and the operation handlers read.
 */
public final class RequestBinder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceModel model;

    public RequestBinder(ServiceModel model) {
        this.model = model;
    }

    public ObjectNode bind(Operation operation, Map<String, String> labels, Map<String, List<String>> query,
                           byte[] body) {
        ObjectNode input = parseBody(body);
        if (operation.inputShape() == null) {
            return input;
        }
        Shape shape = model.shape(operation.inputShape());
        for (Shape.Member member : shape.members().values()) {
            if (member.location() == null) {
                continue;
            }
            // Bound members come only from their location; a body member of the same name is not trusted.
            input.remove(member.name());
            switch (member.location()) {
                case "uri" -> {
                    String value = labels.get(member.locationName());
                    if (value != null) {
                        input.put(member.name(), value);
                    }
                }
                case "querystring" -> bindQuery(input, member, query.get(member.locationName()));
                default -> {
                    // Header-bound inputs do not occur in this model's operations.
                }
            }
        }
        stripNulls(input);
        return input;
    }

    private void bindQuery(ObjectNode input, Shape.Member member, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        Shape target = model.shape(member.shape());
        switch (target.type()) {
            case LIST -> {
                ArrayNode array = input.putArray(member.name());
                values.forEach(array::add);
            }
            case INTEGER, LONG -> {
                String value = values.get(0);
                try {
                    input.put(member.name(), Long.parseLong(value.trim()));
                } catch (NumberFormatException e) {
                    throw WireException.validation("1 validation error detected: Value '" + value + "' at '"
                            + member.name() + "' failed to satisfy constraint: Member must be a whole number");
                }
            }
            case BOOLEAN -> input.put(member.name(), Boolean.parseBoolean(values.get(0)));
            default -> input.put(member.name(), values.get(0));
        }
    }

    private static ObjectNode parseBody(byte[] body) {
        if (body == null || body.length == 0 || isBlank(body)) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw WireException.validation("Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WireException.validation("Request body could not be read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw WireException.validation("Request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** JSON null means "absent" in restJson1: drop null members of objects, at every depth. */
    private static void stripNulls(ObjectNode node) {
        var nulls = new ArrayList<String>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            } else if (e.getValue().isObject()) {
                stripNulls((ObjectNode) e.getValue());
            } else if (e.getValue().isArray()) {
                e.getValue().forEach(element -> {
                    if (element.isObject()) {
                        stripNulls((ObjectNode) element);
                    }
                });
            }
        });
        node.remove(nulls);
    }
}
