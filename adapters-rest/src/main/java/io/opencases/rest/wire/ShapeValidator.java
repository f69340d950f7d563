package io.opencases.rest.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an input against its model shape: required members, JSON types, lengths, patterns (whole-value match),
 * enums, list and map sizes, numeric ranges and single-member unions. Every violation is collected and reported in
 * one AWS-style ValidationException message that names each offending member.
 */
public final class ShapeValidator {
    /** Values longer than this are not echoed back in messages. */
    private static final int ECHO_LIMIT = 128;

    private final ServiceModel model;

    public ShapeValidator(ServiceModel model) {
        this.model = model;
    }

    public void validate(String shapeName, JsonNode value) {
        var violations = new ArrayList<String>();
        check(model.shape(shapeName), value, "", violations);
        if (!violations.isEmpty()) {
            int n = violations.size();
            throw WireException.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                    + String.join("; ", violations));
        }
    }

    private void check(Shape shape, JsonNode node, String path, List<String> out) {
        switch (shape.type()) {
            case STRUCTURE -> checkStructure(shape, node, path, out);
            case LIST -> checkList(shape, node, path, out);
            case MAP -> checkMap(shape, node, path, out);
            case STRING -> checkString(shape, node, path, out);
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    out.add(typeViolation(path, "a boolean"));
                }
            }
            case INTEGER, LONG -> {
                if (!node.isIntegralNumber() || (shape.type() == Shape.Type.INTEGER && !node.canConvertToInt())) {
                    out.add(typeViolation(path, "a whole number"));
                } else {
                    checkRange(shape, node.asDouble(), node.asText(), path, out);
                }
            }
            case DOUBLE, FLOAT -> {
                if (!node.isNumber()) {
                    out.add(typeViolation(path, "a number"));
                } else {
                    checkRange(shape, node.asDouble(), node.asText(), path, out);
                }
            }
            case TIMESTAMP -> {
                if (!node.isTextual() && !node.isNumber()) {
                    out.add(typeViolation(path, "an ISO-8601 timestamp"));
                }
            }
            case BLOB -> {
                if (!node.isTextual()) {
                    out.add(typeViolation(path, "a base64 string"));
                }
            }
        }
    }

    private void checkStructure(Shape shape, JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            out.add(typeViolation(path, "a structure"));
            return;
        }
        int set = 0;
        for (Map.Entry<String, Shape.Member> e : shape.members().entrySet()) {
            JsonNode value = node.get(e.getKey());
            String memberPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (value == null || value.isNull()) {
                if (shape.required().contains(e.getKey())) {
                    out.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            set++;
            check(model.shape(e.getValue().shape()), value, memberPath, out);
        }
        if (shape.union() && set != 1) {
            out.add("Value at '" + (path.isEmpty() ? shape.name() : path) + "' failed to satisfy constraint: "
                    + "Exactly one member must be set, got " + set + " (one of " + shape.members().keySet() + ")");
        }
    }

    private void checkList(Shape shape, JsonNode node, String path, List<String> out) {
        if (!node.isArray()) {
            out.add(typeViolation(path, "a list"));
            return;
        }
        checkSize(shape, node.size(), path, out);
        Shape element = model.shape(shape.member());
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            String elementPath = path + "." + (i + 1) + ".member";
            if (value.isNull()) {
                out.add("Value null at '" + elementPath + "' failed to satisfy constraint: Member must not be null");
            } else {
                check(element, value, elementPath, out);
            }
        }
    }

    private void checkMap(Shape shape, JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            out.add(typeViolation(path, "a map"));
            return;
        }
        checkSize(shape, node.size(), path, out);
        Shape key = model.shape(shape.key());
        Shape value = model.shape(shape.value());
        node.fields().forEachRemaining(e -> {
            String entryPath = path + "." + e.getKey();
            checkString(key, com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()), entryPath + ".key",
                    out);
            if (!e.getValue().isNull()) {
                check(value, e.getValue(), entryPath + ".value", out);
            }
        });
    }

    private void checkString(Shape shape, JsonNode node, String path, List<String> out) {
        if (!node.isTextual()) {
            out.add(typeViolation(path, "a string"));
            return;
        }
        String text = node.asText();
        String shown = shape.sensitive() || text.length() > ECHO_LIMIT ? "" : "'" + text + "' ";
        int length = text.codePointCount(0, text.length());
        if (shape.min() != null && length < shape.min()) {
            out.add("Value " + shown + "at '" + path + "' failed to satisfy constraint: Member must have length "
                    + "greater than or equal to " + shape.min().longValue());
        }
        if (shape.max() != null && length > shape.max()) {
            out.add("Value " + shown + "at '" + path + "' failed to satisfy constraint: Member must have length "
                    + "less than or equal to " + shape.max().longValue());
        }
        if (shape.pattern() != null && !shape.pattern().matcher(text).matches()) {
            out.add("Value " + shown + "at '" + path + "' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: " + shape.pattern().pattern());
        }
        if (shape.enumValues() != null && !shape.enumValues().contains(text)) {
            out.add("Value " + shown + "at '" + path + "' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: " + shape.enumValues());
        }
    }

    private static void checkSize(Shape shape, int size, String path, List<String> out) {
        if (shape.min() != null && size < shape.min()) {
            out.add("Value at '" + path + "' failed to satisfy constraint: Member must have length greater than "
                    + "or equal to " + shape.min().longValue());
        }
        if (shape.max() != null && size > shape.max()) {
            out.add("Value at '" + path + "' failed to satisfy constraint: Member must have length less than or "
                    + "equal to " + shape.max().longValue());
        }
    }

    private static void checkRange(Shape shape, double value, String text, String path, List<String> out) {
        if (shape.min() != null && value < shape.min()) {
            out.add("Value '" + text + "' at '" + path + "' failed to satisfy constraint: Member must have value "
                    + "greater than or equal to " + format(shape.min()));
        }
        if (shape.max() != null && value > shape.max()) {
            out.add("Value '" + text + "' at '" + path + "' failed to satisfy constraint: Member must have value "
                    + "less than or equal to " + format(shape.max()));
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static String typeViolation(String path, String what) {
        return "Value at '" + path + "' failed to satisfy constraint: Member must be " + what;
    }
}
