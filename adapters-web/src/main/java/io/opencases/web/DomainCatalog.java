package io.opencases.web;

import io.opencases.application.Caller;
import io.opencases.application.Described;
import io.opencases.application.Page;
import io.opencases.application.PageRequest;
import io.opencases.application.casesdomain.DomainCommands;
import io.opencases.application.field.FieldCommands;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A domain's fields and options as one request sees them, read through the field use cases once per request. */
final class DomainCatalog {
    final CasesDomain domain;
    final Map<String, Field> fields;
    private final Map<String, List<FieldOption>> options = new HashMap<>();
    private final WorkspaceUseCases useCases;
    private final Caller caller;

    private DomainCatalog(CasesDomain domain, Map<String, Field> fields, WorkspaceUseCases useCases, Caller caller) {
        this.domain = domain;
        this.fields = fields;
        this.useCases = useCases;
        this.caller = caller;
    }

    static DomainCatalog load(WorkspaceUseCases useCases, Caller caller, String domainId) {
        CasesDomain domain = useCases.domains().getDomain(new DomainCommands.GetDomain(caller, domainId)).resource();
        var fields = new LinkedHashMap<String, Field>();
        for (Described<Field> f : all(token -> useCases.fields().listFields(
                new FieldCommands.ListFields(caller, domainId, new PageRequest(100, token))))) {
            fields.put(f.resource().fieldId(), f.resource());
        }
        return new DomainCatalog(domain, fields, useCases, caller);
    }

    String domainId() {
        return domain.domainId();
    }

    String name(String fieldId) {
        Field f = fields.get(fieldId);
        return f == null ? fieldId : f.name();
    }

    /** The options of a SingleSelect field, active or not (a case may hold a deactivated one). */
    List<FieldOption> options(String fieldId) {
        return options.computeIfAbsent(fieldId, id -> all(token -> useCases.fields().listFieldOptions(
                new FieldCommands.ListFieldOptions(caller, domain.domainId(), id, new PageRequest(100, token),
                        null))));
    }

    /** The option's name for a stored value, or the value itself when no option has it. */
    String optionName(String fieldId, String value) {
        for (FieldOption o : options(fieldId)) {
            if (o.value().equals(value)) {
                return o.name();
            }
        }
        return value;
    }

    /** A use case's message with custom field ids replaced by the field names the agent sees. */
    String humanize(String message) {
        String result = message;
        for (Field f : fields.values()) {
            if (!f.isSystem() && result.contains(f.fieldId())) {
                result = result.replace(f.fieldId(), f.name());
            }
        }
        return result;
    }

    /** Every item of a paginated listing, following its tokens. */
    static <T> List<T> all(Function<String, Page<T>> listing) {
        var items = new ArrayList<T>();
        String token = null;
        do {
            Page<T> page = listing.apply(token);
            items.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return items;
    }
}
