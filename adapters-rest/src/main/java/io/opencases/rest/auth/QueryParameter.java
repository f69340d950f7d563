package io.opencases.rest.auth;

import java.util.ArrayList;
import java.util.List;

/** One decoded query parameter; the raw query is parsed once and serves both presigned auth and the canonical query. */
record QueryParameter(String name, String value) {

    /** Parses a raw query in wire order, keeping repeated names; empty names are dropped, as the SDK signers do. */
    static List<QueryParameter> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<QueryParameter>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = UriEncoding.decode(rawQuery.substring(start, end), true);
                    value = "";
                } else {
                    name = UriEncoding.decode(rawQuery.substring(start, eq), true);
                    value = UriEncoding.decode(rawQuery.substring(eq + 1, end), true);
                }
                if (!name.isEmpty()) {
                    params.add(new QueryParameter(name, value));
                }
            }
            start = end + 1;
        }
        return params;
    }

    /** The value of the first parameter called {@code name} (case-sensitive, as AWS reads them), or null. */
    static String first(List<QueryParameter> params, String name) {
        for (QueryParameter p : params) {
            if (p.name.equals(name)) {
                return p.value;
            }
        }
        return null;
    }
}
