package io.opencases.domain.field;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The System fields every domain starts with (the admin guide's catalogue). Their ids are fixed snake_case strings;
 * the service-owned ones are filled by the server and can never be written by callers.
 */
public final class SystemFields {
    public static final String CASE_ID = "case_id";
    public static final String TITLE = "title";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String STATUS = "status";
    public static final String CASE_REASON = "case_reason";
    public static final String SUMMARY = "summary";
    public static final String REFERENCE_NUMBER = "reference_number";
    /** The case's reference ID (see CaseReference); stored as a value so SearchCases finds it. */
    public static final String REFERENCE_ID = "reference_id";
    public static final String CREATED_DATETIME = "created_datetime";
    public static final String LAST_UPDATED_DATETIME = "last_updated_datetime";
    public static final String LAST_CLOSED_DATETIME = "last_closed_datetime";
    public static final String LAST_REOPENED_DATETIME = "last_reopened_datetime";
    public static final String NEXT_SLA_BREACH_DATETIME = "next_sla_breach_datetime";
    public static final String LAST_UPDATED_USER = "last_updated_user";
    public static final String ASSIGNED_USER = "assigned_user";
    public static final String ASSIGNED_QUEUE = "assigned_queue";

    /** The status options every domain ships with; they can be neither changed nor deactivated. */
    public static final List<FieldOption> STATUS_OPTIONS = List.of(
            new FieldOption("Open", "open", true),
            new FieldOption("Closed", "closed", true));

    private record Definition(String id, String name, FieldType type, String description) {
    }

    private static final List<Definition> CATALOGUE = List.of(
            new Definition(CASE_ID, "Case ID", FieldType.Text, "Unique Identifier of the case"),
            new Definition(TITLE, "Title", FieldType.Text, "Title of the case"),
            new Definition(CUSTOMER_ID, "Customer", FieldType.Text, "Customer Profiles profile ARN of the customer"),
            new Definition(STATUS, "Status", FieldType.SingleSelect, "Status of the case"),
            new Definition(CASE_REASON, "Case Reason", FieldType.SingleSelect, "Reason of the case"),
            new Definition(SUMMARY, "Summary", FieldType.Text, "Summary of the case"),
            new Definition(REFERENCE_NUMBER, "Reference number", FieldType.Text,
                    "Friendly 8-digit number of the case, not guaranteed unique"),
            new Definition(CREATED_DATETIME, "Date/Time Opened", FieldType.DateTime, "When the case was created"),
            new Definition(LAST_UPDATED_DATETIME, "Date/Time Updated", FieldType.DateTime,
                    "When the case was last updated"),
            new Definition(LAST_CLOSED_DATETIME, "Date/Time Closed", FieldType.DateTime,
                    "When the case was last closed"),
            new Definition(LAST_REOPENED_DATETIME, "Date/Time Reopened", FieldType.DateTime,
                    "When the case was last reopened"),
            new Definition(NEXT_SLA_BREACH_DATETIME, "Next SLA Breach", FieldType.DateTime,
                    "Earliest target time of the case's active SLAs"),
            new Definition(LAST_UPDATED_USER, "Last Updated User", FieldType.User, "Who last updated the case"),
            new Definition(ASSIGNED_USER, "Assigned User", FieldType.User, "Connect user the case is assigned to"),
            new Definition(ASSIGNED_QUEUE, "Assigned Queue", FieldType.Text, "Connect queue ARN the case is assigned to"),
            new Definition(REFERENCE_ID, "Reference ID", FieldType.Text,
                    "Unique reference of the case in its domain, whatever the letter case"));

    public static final int COUNT = CATALOGUE.size();

    private static final Set<String> SERVICE_OWNED = Set.of(CASE_ID, REFERENCE_NUMBER, REFERENCE_ID, CREATED_DATETIME,
            LAST_UPDATED_DATETIME, LAST_CLOSED_DATETIME, LAST_REOPENED_DATETIME, NEXT_SLA_BREACH_DATETIME,
            LAST_UPDATED_USER);

    private SystemFields() {
    }

    /** The fields seeded into a new domain. */
    public static List<Field> forDomain(String domainId, Instant now) {
        return CATALOGUE.stream()
                .map(d -> new Field(domainId, d.id(), d.name(), d.description(), d.type(), FieldNamespace.System,
                        null, false, now, now))
                .toList();
    }

    /** Fields whose values only the server writes. */
    public static boolean isServiceOwned(String fieldId) {
        return SERVICE_OWNED.contains(fieldId);
    }

    /** Fields that a layout may not place (the case header always shows them). */
    public static boolean isLayoutExcluded(String fieldId) {
        return TITLE.equals(fieldId) || STATUS.equals(fieldId);
    }

    public static boolean isProtectedOption(String fieldId, String value) {
        return STATUS.equals(fieldId) && STATUS_OPTIONS.stream().anyMatch(o -> o.value().equals(value));
    }
}
