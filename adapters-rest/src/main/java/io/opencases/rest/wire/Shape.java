package io.opencases.rest.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shape of the service model with its constraints, the pattern compiled once at load. {@code member},
 * {@code key} and {@code value} name the element shapes of lists and maps.
 */
public record Shape(String name, Type type, Map<String, Member> members, Set<String> required, Double min,
                    Double max, Pattern pattern, List<String> enumValues, boolean union, boolean sensitive,
                    String member, String key, String value) {

    public enum Type {
        STRING, BOOLEAN, INTEGER, LONG, DOUBLE, FLOAT, TIMESTAMP, STRUCTURE, LIST, MAP, BLOB;

        static Type of(String modelType) {
            return valueOf(modelType.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A structure member; {@code location} is null for body members, else "uri", "querystring" or "header". */
    public record Member(String name, String shape, String location, String locationName) {
    }
}
