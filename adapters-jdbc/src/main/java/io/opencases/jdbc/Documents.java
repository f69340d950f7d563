package io.opencases.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.CaseRuleDetails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps domain records to the JSON documents stored in JSONB columns. The domain carries no Jackson annotations:
 * the sealed interfaces get their type ids from the mix-ins below, whose names are part of the stored format
 * (rename a class freely, never a type id). Instants are ISO-8601 strings, so every nanosecond survives; number
 * values are strings too (see DoubleValueMixIn).
 */
final class Documents {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Documents written by a newer version may carry members this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Convenience methods such as Field.isSystem() are not state.
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .addMixIn(FieldValue.class, FieldValueMixIn.class)
            .addMixIn(FieldValue.DoubleValue.class, DoubleValueMixIn.class)
            .addMixIn(CaseUser.class, CaseUserMixIn.class)
            .addMixIn(RelatedItemContent.class, RelatedItemContentMixIn.class)
            .addMixIn(BooleanCondition.class, BooleanConditionMixIn.class)
            .addMixIn(CaseRuleDetails.class, CaseRuleDetailsMixIn.class)
            .build();

    private static final ConcurrentHashMap<Type, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Type, ObjectWriter> WRITERS = new ConcurrentHashMap<>();

    private Documents() {
    }

    static String write(Object value) {
        try {
            return WRITERS.computeIfAbsent(value.getClass(), t -> MAPPER.writerFor(MAPPER.constructType(t))).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot map " + value.getClass().getSimpleName() + " to JSON", e);
        }
    }

    /** Writes with the declared type of a generic value (a list of polymorphic elements keeps their type ids). */
    static String write(Object value, TypeReference<?> type) {
        try {
            return WRITERS.computeIfAbsent(type.getType(), t -> MAPPER.writerFor(type)).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot map " + type.getType() + " to JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        return read(json, (Type) type);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return read(json, type.getType());
    }

    private static <T> T read(String json, Type type) {
        try {
            return READERS.computeIfAbsent(type, t -> MAPPER.readerFor(MAPPER.constructType(t))).readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored " + type.getTypeName(), e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = FieldValue.StringValue.class, name = "String"),
            @JsonSubTypes.Type(value = FieldValue.DoubleValue.class, name = "Double"),
            @JsonSubTypes.Type(value = FieldValue.BooleanValue.class, name = "Boolean"),
            @JsonSubTypes.Type(value = FieldValue.UserArnValue.class, name = "UserArn"),
            @JsonSubTypes.Type(value = FieldValue.Empty.class, name = "Empty")})
    private interface FieldValueMixIn {
    }

    /**
     * A number value is stored as its Java text: a JSONB number is a SQL numeric, which has no -0.0, NaN or
     * infinities, so only the text keeps every double exactly.
     */
    private abstract static class DoubleValueMixIn {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract double value();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CaseUser.UserArn.class, name = "UserArn"),
            @JsonSubTypes.Type(value = CaseUser.CustomEntity.class, name = "CustomEntity")})
    private interface CaseUserMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = RelatedItemContent.Comment.class, name = "Comment"),
            @JsonSubTypes.Type(value = RelatedItemContent.Contact.class, name = "Contact"),
            @JsonSubTypes.Type(value = RelatedItemContent.File.class, name = "File"),
            @JsonSubTypes.Type(value = RelatedItemContent.ConnectCase.class, name = "ConnectCase"),
            @JsonSubTypes.Type(value = RelatedItemContent.Custom.class, name = "Custom"),
            @JsonSubTypes.Type(value = RelatedItemContent.Sla.class, name = "Sla")})
    private interface RelatedItemContentMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = BooleanCondition.EqualTo.class, name = "EqualTo"),
            @JsonSubTypes.Type(value = BooleanCondition.NotEqualTo.class, name = "NotEqualTo"),
            @JsonSubTypes.Type(value = BooleanCondition.AndAll.class, name = "AndAll"),
            @JsonSubTypes.Type(value = BooleanCondition.OrAll.class, name = "OrAll")})
    private interface BooleanConditionMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CaseRuleDetails.Required.class, name = "Required"),
            @JsonSubTypes.Type(value = CaseRuleDetails.Hidden.class, name = "Hidden"),
            @JsonSubTypes.Type(value = CaseRuleDetails.FieldOptions.class, name = "FieldOptions")})
    private interface CaseRuleDetailsMixIn {
    }
}
