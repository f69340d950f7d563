package io.opencases.rest.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the operation bound to a method and raw path, as the model's requestUri templates say. The raw path is split
 * on '/' before decoding, so an ARN label with %2F stays one label. Literal segments beat labels; the two URIs that
 * end in '/' match with or without it.
 */
public final class Router {

    /** The operation and its decoded URI labels. */
    public record RouteMatch(Operation operation, Map<String, String> labels) {
    }

    private record Route(Operation operation, String method, String[] segments, boolean[] isLabel, int literals) {
    }

    private final List<Route> routes;

    public Router(ServiceModel model) {
        var list = new ArrayList<Route>();
        for (Operation op : model.operations()) {
            String[] segments = split(op.uri());
            var isLabel = new boolean[segments.length];
            int literals = 0;
            for (int i = 0; i < segments.length; i++) {
                isLabel[i] = segments[i].startsWith("{") && segments[i].endsWith("}");
                if (isLabel[i]) {
                    segments[i] = segments[i].substring(1, segments[i].length() - 1);
                } else {
                    literals++;
                }
            }
            list.add(new Route(op, op.method(), segments, isLabel, literals));
        }
        // Most literal segments first, so /domains/{id}/cases-search wins over any label at that position.
        list.sort(Comparator.comparingInt(Route::literals).reversed());
        this.routes = List.copyOf(list);
    }

    public Optional<RouteMatch> match(String method, String rawPath) {
        String[] segments = split(rawPath);
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().length != segments.length) {
                continue;
            }
            Map<String, String> labels = matchSegments(route, segments);
            if (labels != null) {
                return Optional.of(new RouteMatch(route.operation(), labels));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(Route route, String[] segments) {
        var labels = new LinkedHashMap<String, String>();
        for (int i = 0; i < segments.length; i++) {
            if (route.isLabel()[i]) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                labels.put(route.segments()[i], decode(segments[i]));
            } else if (!route.segments()[i].equals(segments[i]) && !route.segments()[i].equals(decode(segments[i]))) {
                // botocore percent-encodes ':' in literal segments (/cases%3AbatchUpdateCase); others send it raw.
                return null;
            }
        }
        return labels;
    }

    /** Path segments without the leading slash and without one trailing slash. */
    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** Percent-decoding for a path segment: unlike form decoding, '+' stays '+'. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        var bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (raw[i] == '%' && high >= 0 && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
