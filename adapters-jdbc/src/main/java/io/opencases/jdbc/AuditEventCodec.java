package io.opencases.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.CaseUser;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes the stored audit event document by hand (Jackson's streaming API), as {@link CaseCodec} does the case: every
 * CreateCase and UpdateCase writes one, and reflection-driven databind cost as much as the rest of building the
 * case. The format is exactly what {@link Documents} wrote and still reads (the tests compare the two):
 * <pre>{"eventId":"…","domainId":"…","caseId":"…","type":"CASE_UPDATED","relatedItemType":null,
 *  "performedTime":"2026-01-02T03:04:05.678Z","fields":[{"fieldId":"title","oldValue":{"@type":"String",
 *  "value":"a"},"newValue":{"@type":"String","value":"b"}}],"user":{"@type":"CustomEntity","name":"job"},
 *  "iamPrincipalArn":"arn:…","mergeMetadata":null}</pre>
 */
final class AuditEventCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private AuditEventCodec() {
    }

    static String write(AuditEvent event) {
        var out = new StringWriter(320 + event.fields().size() * 96);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("eventId", event.eventId());
            json.writeStringField("domainId", event.domainId());
            json.writeStringField("caseId", event.caseId());
            json.writeStringField("type", event.type().name());
            json.writeStringField("relatedItemType", event.relatedItemType());
            json.writeStringField("performedTime", event.performedTime().toString());
            json.writeFieldName("fields");
            json.writeStartArray();
            for (AuditEvent.Change change : event.fields()) {
                json.writeStartObject();
                json.writeStringField("fieldId", change.fieldId());
                json.writeFieldName("oldValue");
                if (change.oldValue() == null) {
                    json.writeNull();
                } else {
                    CaseCodec.writeValue(json, change.oldValue());
                }
                json.writeFieldName("newValue");
                CaseCodec.writeValue(json, change.newValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("user");
            writeUser(json, event.user());
            json.writeStringField("iamPrincipalArn", event.iamPrincipalArn());
            json.writeFieldName("mergeMetadata");
            AuditEvent.MergeMetadata merge = event.mergeMetadata();
            if (merge == null) {
                json.writeNull();
            } else {
                json.writeStartObject();
                json.writeStringField("mergeEventId", merge.mergeEventId());
                json.writeStringField("primaryCaseId", merge.primaryCaseId());
                json.writeStringField("secondaryCaseId", merge.secondaryCaseId());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeUser(JsonGenerator json, CaseUser user) throws IOException {
        if (user == null) {
            json.writeNull();
        } else if (user instanceof CaseUser.UserArn arn) {
            json.writeStartObject();
            json.writeStringField("@type", "UserArn");
            json.writeStringField("arn", arn.arn());
            json.writeEndObject();
        } else if (user instanceof CaseUser.CustomEntity entity) {
            json.writeStartObject();
            json.writeStringField("@type", "CustomEntity");
            json.writeStringField("name", entity.name());
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException("unknown user " + user.getClass());
        }
    }
}
