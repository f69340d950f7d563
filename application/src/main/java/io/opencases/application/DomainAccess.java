package io.opencases.application;

import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.domain.DomainException;
import io.opencases.domain.DomainResource;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lookups every use case inside a domain starts with: the caller's domain (another account's is not found),
 * and the field references that templates, layouts, rules and event settings make.
 */
public final class DomainAccess {
    private final DomainRepository domains;
    private final FieldRepository fields;

    public DomainAccess(DomainRepository domains, FieldRepository fields) {
        this.domains = domains;
        this.fields = fields;
    }

    public CasesDomain requireDomain(Caller caller, String domainId) {
        return domains.find(caller.accountId(), domainId)
                .orElseThrow(() -> new DomainException.NotFound("Domain", domainId));
    }

    /** The resource with this id, deleted or not, or ResourceNotFoundException. */
    public static <T extends DomainResource> T require(Optional<T> found, String resourceType, String id) {
        return found.orElseThrow(() -> new DomainException.NotFound(resourceType, id));
    }

    /** Fails naming {@code member} and the ids that do not exist or are deleted. */
    public Map<String, Field> requireLiveFields(String domainId, Collection<String> ids, String member) {
        var wanted = new LinkedHashSet<>(ids);
        Map<String, Field> found = fields.findAll(domainId, wanted).stream()
                .filter(f -> !f.deleted())
                .collect(Collectors.toMap(Field::fieldId, Function.identity()));
        List<String> missing = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("%s: these fields do not exist or are deleted: %s", member,
                    String.join(", ", missing));
        }
        return found;
    }

    /** Ids of the given fields that are live, for reads that silently drop deleted references. */
    public java.util.Set<String> liveFieldIds(String domainId, Collection<String> ids) {
        return fields.findAll(domainId, ids).stream().filter(f -> !f.deleted()).map(Field::fieldId)
                .collect(Collectors.toSet());
    }

    /** ConflictException when another live resource already has this name. */
    public static <T extends DomainResource> void requireUniqueName(Optional<T> sameName, String selfId,
                                                                    String resourceType, String name) {
        sameName.filter(other -> !other.id().equals(selfId)).ifPresent(other -> {
            throw new DomainException.Conflict(
                    "A " + resourceType + " named '" + name + "' already exists in this domain: " + other.id());
        });
    }
}
