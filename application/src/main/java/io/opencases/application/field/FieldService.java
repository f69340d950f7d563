package io.opencases.application.field;

import io.opencases.application.Described;
import io.opencases.application.DomainAccess;
import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.field.FieldCommands.BatchGetField;
import io.opencases.application.field.FieldCommands.BatchPutFieldOptions;
import io.opencases.application.field.FieldCommands.CreateField;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.field.FieldCommands.FieldBatch;
import io.opencases.application.field.FieldCommands.FieldCreated;
import io.opencases.application.field.FieldCommands.FieldError;
import io.opencases.application.field.FieldCommands.FieldOptionError;
import io.opencases.application.field.FieldCommands.ListFieldOptions;
import io.opencases.application.field.FieldCommands.ListFields;
import io.opencases.application.field.FieldCommands.UpdateField;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.SystemFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Field definitions and SingleSelect options: CreateField … ListFieldOptions. */
public final class FieldService {
    private static final int DEFAULT_PAGE = 100;
    private static final String RESOURCE = "Field";

    private final FieldRepository fields;
    private final TagRepository tags;
    private final DomainAccess access;
    private final UseCaseContext context;

    public FieldService(DomainRepository domains, FieldRepository fields, TagRepository tags, UseCaseContext context) {
        this.context = context;
        this.fields = fields;
        this.tags = tags;
        this.access = new DomainAccess(domains, fields);
    }

    public FieldCreated createField(CreateField command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            DomainAccess.requireUniqueName(fields.findLiveByName(domainId, command.name()), null, "field",
                    command.name());
            // The quota counts custom fields; the System fields come with every domain.
            int custom = fields.countLive(domainId) - SystemFields.COUNT;
            if (custom >= context.quotas().fieldsPerDomain()) {
                throw new DomainException.QuotaExceeded("A domain can have at most " + context.quotas().fieldsPerDomain()
                        + " custom fields.");
            }
            var field = Field.custom(domainId, context.ids().newId(), command.name(), command.description(), command.type(),
                    command.multiline(), context.clock().now());
            fields.save(field);
            context.configurations().changed(domainId);
            return new FieldCreated(field.fieldId(), context.arns().field(domain.accountId(), domainId, field.fieldId()));
        });
    }

    public void updateField(UpdateField command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Field field = DomainAccess.require(fields.find(domain.domainId(), command.fieldId()), RESOURCE,
                    command.fieldId());
            if (command.name() != null) {
                DomainAccess.requireUniqueName(fields.findLiveByName(domain.domainId(), command.name()),
                        field.fieldId(), "field", command.name());
            }
            fields.save(field.update(command.name(), command.description(), command.multiline(), context.clock().now()));
            context.configurations().changed(domain.domainId());
        });
    }

    /** Soft delete; deleting a deleted field again changes nothing. */
    public void deleteField(DeleteField command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Field field = DomainAccess.require(fields.find(domain.domainId(), command.fieldId()), RESOURCE,
                    command.fieldId());
            if (!field.deleted()) {
                fields.save(field.delete(context.clock().now()));
                context.configurations().changed(domain.domainId());
            }
        });
    }

    public Page<Described<Field>> listFields(ListFields command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Page<Field> page = Pagination.page("ListFields/" + domain.domainId(), command.page(), DEFAULT_PAGE,
                    (after, limit) -> fields.listLive(domain.domainId(), after, limit), Field::fieldId);
            return new Page<>(page.items().stream().map(f -> describe(domain, f, false)).toList(),
                    page.nextToken());
        });
    }

    /** Returns the fields in request order, deleted ones included; unknown ids become errors, not a failure. */
    public FieldBatch batchGetField(BatchGetField command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Map<String, Field> found = fields.findAll(domain.domainId(), command.fieldIds()).stream()
                    .collect(Collectors.toMap(Field::fieldId, Function.identity()));
            var described = new ArrayList<Described<Field>>();
            var errors = new ArrayList<FieldError>();
            for (String id : command.fieldIds()) {
                Field field = found.get(id);
                if (field == null) {
                    errors.add(new FieldError(id, "ResourceNotFoundException", "Field " + id + " was not found."));
                } else {
                    described.add(describe(domain, field, true));
                }
            }
            return new FieldBatch(described, errors);
        });
    }

    /**
     * Adds options and changes existing ones (matched by value). Options that cannot be applied are reported one by
     * one and the rest are applied, as the API's per-option errors imply; a quota breach fails the whole call.
     */
    public List<FieldOptionError> batchPutFieldOptions(BatchPutFieldOptions command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Field field = requireSingleSelect(domain, command.fieldId());
            if (field.deleted()) {
                throw DomainException.invalid("Field %s is deleted; its options cannot be changed.",
                        field.fieldId());
            }
            var options = new LinkedHashMap<String, FieldOption>();
            fields.options(domain.domainId(), field.fieldId()).forEach(o -> options.put(o.value(), o));
            var errors = new ArrayList<FieldOptionError>();
            var seen = new HashSet<String>();
            for (FieldOption option : command.options()) {
                if (!seen.add(option.value())) {
                    errors.add(new FieldOptionError(option.value(), "ValidationException",
                            "Option value '" + option.value() + "' appears more than once in the request."));
                } else if (SystemFields.isProtectedOption(field.fieldId(), option.value())
                        && !option.equals(options.get(option.value()))) {
                    errors.add(new FieldOptionError(option.value(), "ValidationException",
                            "The status option '" + option.value() + "' cannot be changed or deactivated."));
                } else {
                    options.put(option.value(), option);
                }
            }
            if (options.size() > context.quotas().optionsPerField()) {
                throw new DomainException.QuotaExceeded("A field can have at most " + context.quotas().optionsPerField()
                        + " options; this request would make " + options.size() + ".");
            }
            fields.saveOptions(domain.domainId(), field.fieldId(), List.copyOf(options.values()));
            context.configurations().changed(domain.domainId());
            return errors;
        });
    }

    /** Options in the order they were added; the position is the paging key since options are never removed. */
    public Page<FieldOption> listFieldOptions(ListFieldOptions command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Field field = DomainAccess.require(fields.find(domain.domainId(), command.fieldId()), RESOURCE,
                    command.fieldId());
            List<FieldOption> all = fields.options(domain.domainId(), field.fieldId());
            List<Integer> positions = IntStream.range(0, all.size())
                    .filter(i -> command.value() == null || all.get(i).value().equals(command.value()))
                    .boxed().toList();
            String scope = "ListFieldOptions/" + domain.domainId() + "/" + field.fieldId() + "/" + command.value();
            Page<Integer> page = Pagination.page(scope, command.page(), DEFAULT_PAGE, (after, limit) -> {
                int from = after == null ? -1 : parsePosition(after);
                return positions.stream().filter(p -> p > from).limit(limit).toList();
            }, String::valueOf);
            return new Page<>(page.items().stream().map(all::get).toList(), page.nextToken());
        });
    }

    private Field requireSingleSelect(CasesDomain domain, String fieldId) {
        Field field = DomainAccess.require(fields.find(domain.domainId(), fieldId), RESOURCE, fieldId);
        if (field.type() != FieldType.SingleSelect) {
            throw DomainException.invalid("Field %s is of type %s; only SingleSelect fields have options.", fieldId,
                    field.type());
        }
        return field;
    }

    private static int parsePosition(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("nextToken is invalid or belongs to another request.");
        }
    }

    private Described<Field> describe(CasesDomain domain, Field field, boolean withTags) {
        String arn = context.arns().field(domain.accountId(), domain.domainId(), field.fieldId());
        return new Described<>(field, arn, withTags ? tags.tags(arn) : Map.of());
    }
}
