package io.opencases.application.cases;

import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;

import java.util.List;
import java.util.Map;

/** Inputs and outputs of the case use cases, one record per operation. */
public final class CaseCommands {
    private CaseCommands() {
    }

    /** One field value of a request or a response. */
    public record FieldWrite(String fieldId, FieldValue value) {
    }

    /** {@code clientToken}, {@code performedBy} and {@code tags} may be null. */
    public record CreateCase(Caller caller, String domainId, String templateId, List<FieldWrite> fields,
                             String clientToken, CaseUser performedBy, Map<String, String> tags) {
    }

    public record CaseCreated(String caseId, String caseArn) {
    }

    public record GetCase(Caller caller, String domainId, String caseId, List<String> fieldIds) {
    }

    /** The requested fields that have a value, in request order. */
    public record CaseView(String templateId, List<FieldWrite> fields, Map<String, String> tags) {
    }

    public record UpdateCase(Caller caller, String domainId, String caseId, List<FieldWrite> fields,
                             CaseUser performedBy) {
    }

    public record DeleteCase(Caller caller, String domainId, String caseId) {
    }

    public record GetCaseAuditEvents(Caller caller, String domainId, String caseId, PageRequest page) {
    }
}
