package io.opencases.web.view;

import java.util.List;

/** The models the jte templates render: plain values, already formatted for display (jte escapes them). */
public final class Views {
    private Views() {
    }

    /** What every page's frame shows: who is signed in, the domain in use, the CSRF token for forms and htmx. */
    public record Shell(String title, String agentName, boolean admin, String csrf, String domainId,
                        String domainName) {
        public String base() {
            return "/workspace/d/" + domainId;
        }
    }

    public record SignInPage(String csrf, String username, String error) {
    }

    public record DomainRow(String name, String href) {
    }

    public record DomainsPage(Shell shell, List<DomainRow> domains) {
    }

    /** {@code count}: as shown, "10,000+" where the search's count stopped at its cap. */
    public record ViewLink(String name, String href, String count, boolean active, String deleteHref) {
    }

    public record Column(String fieldId, String name) {
    }

    public record Row(String caseId, String href, String title, List<String> cells) {
    }

    public record Option(String value, String name, boolean selected) {
    }

    /** {@code totalText}: the total as shown, "10,000+" where the search's count stopped at its cap. */
    public record CaseTable(String listUrl, List<Column> columns, List<Row> rows, long total, String totalText,
                            String nextHref) {
    }

    public record ListPage(Shell shell, List<ViewLink> views, String viewName, String viewKey, String searchTerm,
                           CaseTable table, List<Option> statusOptions, List<Option> templates,
                           List<Option> fieldChoices) {
    }

    public record BulkResult(String title, boolean ok, String message) {
    }

    public record BulkResults(String summary, List<BulkResult> results) {
    }

    /**
     * One field of the case form. {@code kind} picks the control: text, textarea, number, boolean, datetime, url,
     * user, select, or readonly (service-owned fields); {@code base} is the stored value the input started from.
     */
    public record FieldInput(String fieldId, String name, String kind, String value, String base, String display,
                             List<Choice> choices, boolean required, boolean hidden) {
        public String inputId() {
            return "field-" + fieldId;
        }
    }

    /** An option of a select; {@code allowed} is false when a case rule excludes it for the parent's value. */
    public record Choice(String value, String name, boolean selected, boolean allowed) {
    }

    public record Section(String name, List<FieldInput> fields) {
    }

    public record FieldsForm(String action, String rulesUrl, List<Section> sections, String message,
                             boolean error) {
    }

    public record CaseHeader(String title, String reference, String statusUrl, String assignUrl,
                             List<Option> statusOptions, String assignedTo, boolean assignedToMe, String created,
                             String updated, String templateName) {
    }

    public record FeedEntry(String kind, String when, String who, String title, String body, String status,
                            String href) {
    }

    public record Change(String field, String oldValue, String newValue) {
    }

    public record HistoryEntry(String when, String who, String what, List<Change> changes) {
    }

    /** The activity feed; the history is loaded apart ({@code historyUrl}) when the agent opens it. */
    public record Feed(String commentUrl, String historyUrl, List<FeedEntry> entries) {
    }

    public record History(List<HistoryEntry> entries) {
    }

    public record CasePage(Shell shell, String caseId, String backHref, CaseHeader header, FieldsForm fields,
                           Feed feed, String refreshUrl) {
    }

    public record NewCasePage(Shell shell, List<Option> templates, String templateId, FieldsForm fields) {
    }

    public record AgentRow(String name, String role, String userArn, boolean disabled, boolean self) {
    }

    public record AdminPage(Shell shell, List<AgentRow> agents, String message, boolean error) {
    }

    public record ErrorPage(Shell shell, int status, String message) {
    }
}
