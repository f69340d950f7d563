package io.opencases.rest.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives SigV4 signing keys and remembers them: a key serves a whole day, and deriving one costs four HMACs that
 * every request would otherwise repeat. Bounded, because it must not grow with the number of days a server runs.
 */
final class SigningKeyCache {
    private static final int MAX_ENTRIES = 1024;

    private final ConcurrentHashMap<Scope, byte[]> keys = new ConcurrentHashMap<>();

    /** The signing key; callers must not modify the returned array, which is shared. */
    byte[] signingKey(String secret, String date, String region, String service) {
        var scope = new Scope(secret, date, region, service);
        byte[] key = keys.get(scope);
        if (key == null) {
            if (keys.size() >= MAX_ENTRIES) {
                // Old days are never needed again; dropping everything is simpler than LRU and just as good here.
                keys.clear();
            }
            key = derive(secret, date, region, service);
            keys.put(scope, key);
        }
        return key;
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = Hashing.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Hashing.hmacSha256(kDate, region);
        byte[] kService = Hashing.hmacSha256(kRegion, service);
        return Hashing.hmacSha256(kService, "aws4_request");
    }

    int size() {
        return keys.size();
    }

    private record Scope(String secret, String date, String region, String service) {
        @Override
        public String toString() {
            return "Scope[" + date + "/" + region + "/" + service + "]";
        }
    }
}
