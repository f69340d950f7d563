package io.opencases.application;

import io.opencases.domain.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Keyset pagination behind opaque tokens. A token carries the listing it belongs to and the last key returned, so
 * a page continues after that key whatever was written in between, and a token from another listing is refused.
 */
public final class Pagination {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "1";

    private Pagination() {
    }

    /**
     * Reads one page. {@code fetch} receives the key to continue after (null for the first page) and a row limit;
     * it must return rows in ascending key order.
     */
    public static <T> Page<T> page(String scope, PageRequest request, int defaultSize,
                                   BiFunction<String, Integer, List<T>> fetch, Function<T, String> key) {
        int size = request.sizeOr(defaultSize);
        String after = request.nextToken() == null ? null : decode(scope, request.nextToken());
        List<T> rows = fetch.apply(after, size + 1);
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, size);
        return new Page<>(items, encode(scope, key.apply(items.get(size - 1))));
    }

    /** A token for a cursor the caller manages itself (search-after over an index). */
    public static String token(String scope, String lastKey) {
        return encode(scope, lastKey);
    }

    /** The cursor a token carries, checked against the listing it must belong to. */
    public static String continueAfter(String scope, String token) {
        return decode(scope, token);
    }

    static String encode(String scope, String lastKey) {
        String raw = VERSION + "\n" + scope + "\n" + lastKey;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String scope, String token) {
        String raw;
        try {
            raw = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
        String[] parts = raw.split("\n", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(scope) || parts[2].isEmpty()) {
            throw invalidToken();
        }
        return parts[2];
    }

    private static DomainException invalidToken() {
        return new DomainException.Invalid("nextToken is invalid or belongs to another request.");
    }
}
