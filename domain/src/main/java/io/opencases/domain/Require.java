package io.opencases.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Small constructor guards shared by the domain records. */
public final class Require {
    private Require() {
    }

    public static String nonBlank(String value, String member) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("%s must not be blank.", member);
        }
        return value;
    }

    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    public static <T> T nonNull(T value, String member) {
        return Objects.requireNonNull(value, member);
    }
}
