package io.opencases.memory;

import io.opencases.application.port.FieldRepository;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryFieldRepository extends MemoryDomainResourceRepository<Field> implements FieldRepository {
    private final Map<String, List<FieldOption>> options = new ConcurrentHashMap<>();

    @Override
    public List<FieldOption> options(String domainId, String fieldId) {
        return options.getOrDefault(key(domainId, fieldId), List.of());
    }

    @Override
    public void saveOptions(String domainId, String fieldId, List<FieldOption> fieldOptions) {
        options.put(key(domainId, fieldId), List.copyOf(fieldOptions));
        changed();
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        super.deleteAllInDomain(domainId);
        options.keySet().removeIf(k -> k.startsWith(domainId + "/"));
    }

    /** The options of every field of the domain that has any, by field id. */
    Map<String, List<FieldOption>> allOptions(String domainId) {
        var all = new java.util.HashMap<String, List<FieldOption>>();
        options.forEach((key, fieldOptions) -> {
            if (key.startsWith(domainId + "/")) {
                all.put(key.substring(domainId.length() + 1), fieldOptions);
            }
        });
        return all;
    }

    private static String key(String domainId, String fieldId) {
        return domainId + "/" + fieldId;
    }
}
