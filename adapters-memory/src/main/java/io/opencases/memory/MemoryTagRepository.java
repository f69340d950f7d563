package io.opencases.memory;

import io.opencases.application.port.TagRepository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryTagRepository implements TagRepository {
    private final Map<String, Map<String, String>> tagsByArn = new ConcurrentHashMap<>();

    @Override
    public Map<String, Map<String, String>> tagsOf(Collection<String> arns) {
        var found = new HashMap<String, Map<String, String>>();
        for (String arn : arns) {
            var tags = tags(arn);
            if (!tags.isEmpty()) {
                found.put(arn, tags);
            }
        }
        return found;
    }

    @Override
    public Map<String, String> tags(String arn) {
        return Map.copyOf(tagsByArn.getOrDefault(arn, Map.of()));
    }

    @Override
    public void put(String arn, Map<String, String> tags) {
        tagsByArn.compute(arn, (k, current) -> {
            var merged = current == null ? new HashMap<String, String>() : new HashMap<>(current);
            merged.putAll(tags);
            return Map.copyOf(merged);
        });
    }

    @Override
    public void remove(String arn, Collection<String> keys) {
        tagsByArn.computeIfPresent(arn, (k, current) -> {
            var left = new HashMap<>(current);
            keys.forEach(left::remove);
            return left.isEmpty() ? null : Map.copyOf(left);
        });
    }

    @Override
    public void deleteTree(String arn) {
        tagsByArn.keySet().removeIf(k -> k.equals(arn) || k.startsWith(arn + "/"));
    }
}
