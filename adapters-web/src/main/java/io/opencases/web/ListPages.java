package io.opencases.web;

import io.opencases.application.PageRequest;
import io.opencases.application.agent.AgentCommands;
import io.opencases.application.agent.AgentService;
import io.opencases.application.batch.BatchCommands.BatchCreateRelatedItem;
import io.opencases.application.batch.BatchCommands.BatchFailure;
import io.opencases.application.batch.BatchCommands.BatchUpdateCase;
import io.opencases.application.batch.BatchCommands.ByCaseId;
import io.opencases.application.batch.BatchCommands.CaseRef;
import io.opencases.application.cases.CaseCommands;
import io.opencases.application.casesdomain.DomainCommands;
import io.opencases.application.relateditem.RelatedItemCommands;
import io.opencases.application.search.SearchCommands;
import io.opencases.application.template.TemplateCommands;
import io.opencases.domain.DomainException;
import io.opencases.domain.agent.SavedView;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.template.TemplateStatus;
import io.opencases.web.view.Views.BulkResult;
import io.opencases.web.view.Views.BulkResults;
import io.opencases.web.view.Views.CaseTable;
import io.opencases.web.view.Views.Column;
import io.opencases.web.view.Views.DomainRow;
import io.opencases.web.view.Views.DomainsPage;
import io.opencases.web.view.Views.ListPage;
import io.opencases.web.view.Views.Option;
import io.opencases.web.view.Views.Row;
import io.opencases.web.view.Views.Shell;
import io.opencases.web.view.Views.ViewLink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Domains, the case views with their counts (SearchCases), saved views, and bulk actions on selected cases. */
final class ListPages {
    static final List<String> DEFAULT_COLUMNS = List.of(SystemFields.STATUS, SystemFields.REFERENCE_NUMBER,
            SystemFields.ASSIGNED_USER, SystemFields.LAST_UPDATED_DATETIME);
    private static final int PAGE = 50;
    private static final Duration RECENT = Duration.ofDays(7);

    /** A case list: what it filters on, its full-text term, its order and its columns. */
    private record ViewSpec(String key, String name, FieldFilter filter, String searchTerm, List<CaseSort> sorts,
                            List<String> columns, String deleteHref) {
    }

    private final WorkspaceUseCases useCases;

    ListPages(WorkspaceUseCases useCases) {
        this.useCases = useCases;
    }

    DomainsPage domains(WebRequest r, Shell shell) {
        var rows = DomainCatalog.all(token -> useCases.domains().listDomains(
                        new DomainCommands.ListDomains(r.caller(), new PageRequest(10, token)))).stream()
                .map(d -> new DomainRow(d.resource().name(), "/workspace/d/" + d.resource().domainId() + "/cases"))
                .sorted(Comparator.comparing(DomainRow::name)).toList();
        return new DomainsPage(shell, rows);
    }

    private List<ViewSpec> views(WebRequest r, String domainId) {
        var specs = new ArrayList<ViewSpec>();
        var open = new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, SystemFields.STATUS,
                new FieldValue.StringValue("open"));
        specs.add(new ViewSpec("open", "Open", open, null, CaseSort.DEFAULT, DEFAULT_COLUMNS, null));
        specs.add(new ViewSpec("mine", "Assigned to me", new FieldFilter.AndAll(List.of(open,
                new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, SystemFields.ASSIGNED_USER,
                        new FieldValue.UserArnValue(r.agent.userArn())))), null, CaseSort.DEFAULT, DEFAULT_COLUMNS,
                null));
        String since = DateTimeFormatter.ISO_INSTANT.format(
                Instant.now().minus(RECENT).truncatedTo(ChronoUnit.SECONDS));
        specs.add(new ViewSpec("recent", "Recently updated", new FieldFilter.Comparison(
                FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO, SystemFields.LAST_UPDATED_DATETIME,
                new FieldValue.StringValue(since)), null, CaseSort.DEFAULT, DEFAULT_COLUMNS, null));
        for (SavedView v : useCases.agents().views(r.agent, domainId)) {
            FieldFilter filter = v.filterFieldId() == null ? null : new FieldFilter.Comparison(
                    FieldFilter.Operator.EQUAL_TO, v.filterFieldId(), new FieldValue.StringValue(v.filterValue()));
            List<CaseSort> sorts = v.sortFieldId() == null ? CaseSort.DEFAULT
                    : List.of(new CaseSort(v.sortFieldId(), v.sortAscending()));
            specs.add(new ViewSpec("saved:" + v.viewId(), v.name(), filter, v.searchTerm(), sorts,
                    v.columns().isEmpty() ? DEFAULT_COLUMNS : v.columns(),
                    "/workspace/d/" + domainId + "/views/" + v.viewId() + "/delete"));
        }
        return specs;
    }

    ListPage list(WebRequest r, Shell shell, String domainId) {
        var catalog = DomainCatalog.load(useCases, r.caller(), domainId);
        var specs = views(r, domainId);
        String key = r.param("view") == null ? "open" : r.param("view");
        ViewSpec active = specs.stream().filter(s -> s.key().equals(key)).findFirst().orElse(specs.get(0));
        String q = r.param("q") == null ? "" : r.param("q").strip();
        var links = new ArrayList<ViewLink>();
        for (ViewSpec spec : specs) {
            String count = counted(search(r, domainId, spec.filter(), spec.searchTerm(), spec.sorts(), List.of(), 1,
                    null));
            links.add(new ViewLink(spec.name(), listUrl(domainId, spec.key(), null), count, spec == active,
                    spec.deleteHref()));
        }
        var table = table(r, catalog, active, q, r.param("page"));
        var statusOptions = catalog.options(SystemFields.STATUS).stream().filter(o -> o.active())
                .map(o -> new Option(o.value(), o.name(), false)).toList();
        var templates = DomainCatalog.all(token -> useCases.templates().listTemplates(
                        new TemplateCommands.ListTemplates(r.caller(), domainId, new PageRequest(100, token),
                                Set.of(TemplateStatus.Active)))).stream()
                .map(t -> new Option(t.resource().templateId(), t.resource().name(), false)).toList();
        var fieldChoices = catalog.fields.values().stream().filter(f -> !SystemFields.TITLE.equals(f.fieldId()))
                .sorted(Comparator.comparing(Field::name))
                .map(f -> new Option(f.fieldId(), f.name(), active.columns().contains(f.fieldId()))).toList();
        Shell named = new Shell(active.name() + " – OpenCases", shell.agentName(), shell.admin(), shell.csrf(),
                domainId, catalog.domain.name());
        return new ListPage(named, links, active.name(), active.key(), q, table, statusOptions, templates,
                fieldChoices);
    }

    CaseTable table(WebRequest r, String domainId) {
        var catalog = DomainCatalog.load(useCases, r.caller(), domainId);
        var specs = views(r, domainId);
        String key = r.param("view") == null ? "open" : r.param("view");
        ViewSpec active = specs.stream().filter(s -> s.key().equals(key)).findFirst().orElse(specs.get(0));
        String q = r.param("q") == null ? "" : r.param("q").strip();
        return table(r, catalog, active, q, r.param("page"));
    }

    private CaseTable table(WebRequest r, DomainCatalog catalog, ViewSpec view, String q, String pageToken) {
        String term = q.isEmpty() ? view.searchTerm() : q;
        var columns = new ArrayList<Column>();
        var fieldIds = new LinkedHashSet<String>();
        fieldIds.add(SystemFields.TITLE);
        for (String id : view.columns()) {
            if (catalog.fields.containsKey(id) && !SystemFields.TITLE.equals(id)) {
                columns.add(new Column(id, catalog.name(id)));
                fieldIds.add(id);
            }
        }
        var results = search(r, catalog.domainId(), view.filter(), term, view.sorts(), List.copyOf(fieldIds), PAGE,
                pageToken);
        var rows = new ArrayList<Row>();
        for (var hit : results.cases()) {
            Map<String, FieldValue> values = new java.util.HashMap<>();
            hit.fields().forEach(w -> values.put(w.fieldId(), w.value()));
            var cells = new ArrayList<String>();
            for (Column c : columns) {
                cells.add(FieldForms.display(catalog.fields.get(c.fieldId()), values.get(c.fieldId()), catalog));
            }
            rows.add(new Row(hit.caseId(), "/workspace/d/" + catalog.domainId() + "/cases/" + hit.caseId(),
                    CasePages.title(values), cells));
        }
        String listUrl = listUrl(catalog.domainId(), view.key(), q);
        String next = results.nextToken() == null ? null
                : listUrl + "&page=" + URLEncoder.encode(results.nextToken(), StandardCharsets.UTF_8);
        return new CaseTable(listUrl, columns, rows, results.totalCount(), counted(results), next);
    }

    /** A search's count as an agent reads it: "10,000+" where the count stopped at its cap. */
    static String counted(SearchCommands.CaseResults results) {
        return String.format(java.util.Locale.ROOT, results.totalIsLowerBound() ? "%,d+" : "%,d",
                results.totalCount());
    }

    private SearchCommands.CaseResults search(WebRequest r, String domainId, FieldFilter filter, String term,
                                              List<CaseSort> sorts, List<String> fieldIds, int size, String token) {
        return useCases.search().searchCases(new SearchCommands.SearchCases(r.caller(), domainId,
                term == null || term.isBlank() ? null : term, filter, sorts, fieldIds, new PageRequest(size, token)));
    }

    static String listUrl(String domainId, String viewKey, String q) {
        String url = "/workspace/d/" + domainId + "/cases?view=" + URLEncoder.encode(viewKey, StandardCharsets.UTF_8);
        return q == null || q.isEmpty() ? url : url + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** Saves the current search as a view of the agent's own; returns its key. */
    String saveView(WebRequest r, String domainId) {
        String name = r.param("name");
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("View name: give the view a name.");
        }
        String sort = r.param("sort");
        var view = useCases.agents().saveView(new AgentCommands.SaveView(r.agent, domainId, null, name.strip(),
                r.param("q"), r.param("filterField"), blankToNull(r.param("filterValue")),
                sort == null || sort.isBlank() ? null : sort, "asc".equals(r.param("order")), r.params("column")));
        return "saved:" + view.viewId();
    }

    void deleteView(WebRequest r, String viewId) {
        useCases.agents().deleteView(r.agent, viewId);
    }

    /**
     * Applies one status or one comment to the selected cases in one BatchUpdateCase / BatchCreateRelatedItem call.
     * The batch changes each case on its own, so one failure (e.g. a Required rule) leaves the others done and is
     * reported on its own line; a failure of the whole request (nothing changed) is reported on every line.
     */
    BulkResults bulk(WebRequest r, String domainId) {
        // The batch refuses a case named twice; a selection is a set.
        List<String> ids = List.copyOf(new LinkedHashSet<>(r.params("caseId")));
        String action = r.param("action");
        if (ids.isEmpty()) {
            return new BulkResults("Select at least one case first.", List.of());
        }
        var catalog = DomainCatalog.load(useCases, r.caller(), domainId);
        Map<String, String> titles = titles(r, domainId, ids);
        List<CaseRef> refs = ids.stream().<CaseRef>map(ByCaseId::new).toList();
        CaseUser performedBy = AgentService.performedBy(r.agent);
        String done;
        List<BatchFailure> failures;
        try {
            if ("comment".equals(action)) {
                String body = r.param("body");
                if (body == null || body.isBlank()) {
                    throw DomainException.invalid("Comment: write something first.");
                }
                failures = useCases.batches().batchCreateRelatedItem(new BatchCreateRelatedItem(r.caller(),
                        domainId, new RelatedItemCommands.NewComment(body, "Text/Plain"), refs, performedBy,
                        null)).failedItems();
                done = "comment added";
            } else {
                String status = r.param("status");
                if (status == null || status.isBlank()) {
                    throw DomainException.invalid("status: choose a status.");
                }
                failures = useCases.batches().batchUpdateCase(new BatchUpdateCase(r.caller(), domainId, refs,
                        List.of(), performedBy, null, status, null, null)).failedCases();
                done = "status set to " + catalog.optionName(SystemFields.STATUS, status);
            }
        } catch (DomainException e) {
            String message = catalog.humanize(e.getMessage());
            return new BulkResults("0 of " + ids.size() + " cases updated; " + ids.size() + " failed.",
                    ids.stream().map(id -> new BulkResult(titles.get(id), false, message)).toList());
        }
        Map<String, String> failed = new HashMap<>();
        failures.forEach(f -> failed.put(f.caseIdentifier().caseId(), catalog.humanize(f.errorMessage())));
        var results = new ArrayList<BulkResult>();
        for (String caseId : ids) {
            String error = failed.get(caseId);
            results.add(new BulkResult(titles.get(caseId), error == null, error == null ? done : error));
        }
        int updated = ids.size() - failed.size();
        String summary = updated + " of " + ids.size() + " cases updated"
                + (failed.isEmpty() ? "." : "; " + failed.size() + " failed.");
        return new BulkResults(summary, results);
    }

    /** Each case's title for the result lines; a case that cannot be read (e.g. deleted) shows its ID. */
    private Map<String, String> titles(WebRequest r, String domainId, List<String> ids) {
        var titles = new HashMap<String, String>();
        for (String caseId : ids) {
            String title = caseId;
            try {
                var view = useCases.cases().getCase(new CaseCommands.GetCase(r.caller(), domainId, caseId,
                        List.of(SystemFields.TITLE)));
                title = view.fields().isEmpty() ? caseId : FieldForms.text(view.fields().get(0).value());
            } catch (DomainException e) {
                // The batch reports why this case failed.
            }
            titles.put(caseId, title);
        }
        return titles;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
