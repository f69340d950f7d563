package io.opencases.domain.field;

import io.opencases.domain.DomainException;
import io.opencases.domain.DomainResource;
import io.opencases.domain.Require;

import java.time.Instant;

/**
 * A case field definition. {@code multiline} holds the text attributes: null when none were given, and only
 * meaningful for Text fields. Deletion is soft: a deleted field keeps its values on cases but takes no new ones.
 */
public record Field(String domainId, String fieldId, String name, String description, FieldType type,
                    FieldNamespace namespace, Boolean multiline, boolean deleted, Instant createdTime,
                    Instant lastModifiedTime) implements DomainResource {

    public Field {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(fieldId, "fieldId");
        Require.nonBlank(name, "name");
        Require.nonNull(type, "type");
        Require.nonNull(namespace, "namespace");
        Require.nonNull(createdTime, "createdTime");
        Require.nonNull(lastModifiedTime, "lastModifiedTime");
        if (multiline != null && type != FieldType.Text) {
            throw DomainException.invalid("attributes.text may only be set on fields of type Text, not %s.", type);
        }
    }

    public static Field custom(String domainId, String fieldId, String name, String description, FieldType type,
                               Boolean multiline, Instant now) {
        return new Field(domainId, fieldId, name, description, type, FieldNamespace.Custom, multiline, false, now, now);
    }

    @Override
    public String id() {
        return fieldId;
    }

    public boolean isSystem() {
        return namespace == FieldNamespace.System;
    }

    /** The longest text a value of this field may hold, as the admin guide states it. */
    public int maxTextLength() {
        if (SystemFields.SUMMARY.equals(fieldId)) {
            return 3000;
        }
        return Boolean.TRUE.equals(multiline) ? 4100 : 500;
    }

    /** Applies an UpdateField: null arguments keep the current value. */
    public Field update(String newName, String newDescription, Boolean newMultiline, Instant now) {
        if (deleted) {
            throw DomainException.invalid("Field %s is deleted and cannot be updated.", fieldId);
        }
        if (isSystem()) {
            throw DomainException.invalid("Field %s is a System field and cannot be updated.", fieldId);
        }
        return new Field(domainId, fieldId, newName == null ? name : newName,
                newDescription == null ? description : newDescription, type, namespace,
                newMultiline == null ? multiline : newMultiline, false, createdTime, now);
    }

    public Field delete(Instant now) {
        if (isSystem()) {
            throw DomainException.invalid("Field %s is a System field and cannot be deleted.", fieldId);
        }
        return new Field(domainId, fieldId, name, description, type, namespace, multiline, true, createdTime, now);
    }
}
