package io.opencases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Page;
import io.opencases.application.PageRequest;
import io.opencases.domain.field.FieldValue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading validated input and writing output in the restJson1 shapes. Input reaching these helpers has already
 * passed the model's validation, so required members are present and types are right.
 */
public final class WireJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private WireJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static Boolean bool(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    public static Integer integer(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asInt();
    }

    /** A member holding a structure, or null. */
    public static JsonNode struct(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    /** The elements of a list member mapped one by one; null when the member is absent. */
    public static <T> List<T> list(JsonNode node, String member, Function<JsonNode, T> element) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        var result = new ArrayList<T>(value.size());
        value.forEach(e -> result.add(element.apply(e)));
        return result;
    }

    /** Lists of {@code {"id": ...}} or {@code {"fieldId": ...}} identifiers. */
    public static List<String> ids(JsonNode node, String member, String idMember) {
        return list(node, member, e -> e.get(idMember).asText());
    }

    public static Map<String, String> stringMap(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        var result = new LinkedHashMap<String, String>();
        value.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().isNull() ? null
                : e.getValue().asText()));
        return result;
    }

    public static PageRequest page(JsonNode input) {
        return new PageRequest(integer(input, "maxResults"), text(input, "nextToken"));
    }

    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static ObjectNode tags(Map<String, String> tags) {
        ObjectNode node = object();
        tags.forEach(node::put);
        return node;
    }

    /** Writes a page: the items under {@code member} and the token when there is a next page. */
    public static <T> ObjectNode page(Page<T> page, String member, Function<T, JsonNode> item) {
        ObjectNode out = object();
        ArrayNode items = out.putArray(member);
        page.items().forEach(i -> items.add(item.apply(i)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    /** Puts the member only when the value is not null, as restJson1 omits absent members. */
    public static void putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    public static FieldValue fieldValue(JsonNode union) {
        if (union.has("stringValue")) {
            return new FieldValue.StringValue(union.get("stringValue").asText());
        }
        if (union.has("doubleValue")) {
            return new FieldValue.DoubleValue(union.get("doubleValue").asDouble());
        }
        if (union.has("booleanValue")) {
            return new FieldValue.BooleanValue(union.get("booleanValue").asBoolean());
        }
        if (union.has("userArnValue")) {
            return new FieldValue.UserArnValue(union.get("userArnValue").asText());
        }
        return FieldValue.EMPTY;
    }

    public static ObjectNode fieldValue(FieldValue value) {
        ObjectNode node = object();
        if (value instanceof FieldValue.StringValue s) {
            node.put("stringValue", s.value());
        } else if (value instanceof FieldValue.DoubleValue d) {
            node.put("doubleValue", d.value());
        } else if (value instanceof FieldValue.BooleanValue b) {
            node.put("booleanValue", b.value());
        } else if (value instanceof FieldValue.UserArnValue u) {
            node.put("userArnValue", u.value());
        } else {
            node.putObject("emptyValue");
        }
        return node;
    }
}
