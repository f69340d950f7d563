package io.opencases.web;

import io.opencases.application.PageRequest;
import io.opencases.application.agent.AgentService;
import io.opencases.application.cases.CaseCommands;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.layout.LayoutCommands;
import io.opencases.application.relateditem.RelatedItemCommands;
import io.opencases.application.rule.CaseRuleEvaluation;
import io.opencases.application.template.TemplateCommands;
import io.opencases.domain.DomainException;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.CaseRuleOutcome;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.layout.FieldGroup;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.layout.LayoutPanel;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateStatus;
import io.opencases.web.view.Views.CaseHeader;
import io.opencases.web.view.Views.CasePage;
import io.opencases.web.view.Views.Change;
import io.opencases.web.view.Views.Feed;
import io.opencases.web.view.Views.FeedEntry;
import io.opencases.web.view.Views.FieldInput;
import io.opencases.web.view.Views.FieldsForm;
import io.opencases.web.view.Views.History;
import io.opencases.web.view.Views.HistoryEntry;
import io.opencases.web.view.Views.NewCasePage;
import io.opencases.web.view.Views.Option;
import io.opencases.web.view.Views.Section;
import io.opencases.web.view.Views.Shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case page and what an agent does on it: edit fields under the template's case rules, change the status,
 * take the case, comment; and the new-case form. Every write goes through the case use cases with the agent's ARN
 * as performedBy.
 */
final class CasePages {
    /** Fields the case header shows itself; the form shows title first, the header status. */
    private static final Set<String> HEADER_FIELDS = Set.of(SystemFields.STATUS, SystemFields.TITLE);
    private static final List<String> FALLBACK_SYSTEM_FIELDS = List.of(SystemFields.CUSTOMER_ID,
            SystemFields.CASE_REASON, SystemFields.SUMMARY, SystemFields.ASSIGNED_USER, SystemFields.ASSIGNED_QUEUE);
    static final String FORM_PREFIX = "f.";
    static final String BASE_PREFIX = "b.";

    private final WorkspaceUseCases useCases;

    CasePages(WorkspaceUseCases useCases) {
        this.useCases = useCases;
    }

    /** A case as the page shows it: its values, template, layout and the rules' outcome for those values. */
    private final class LoadedCase {
        final DomainCatalog catalog;
        final String caseId;
        final Map<String, FieldValue> values;
        final Template template;
        final LayoutContent layout;
        final io.opencases.application.Caller caller;

        LoadedCase(WebRequest r, String domainId, String caseId) {
            this.caller = r.caller();
            this.catalog = DomainCatalog.load(useCases, r.caller(), domainId);
            this.caseId = caseId;
            var view = useCases.cases().getCase(new CaseCommands.GetCase(r.caller(), domainId, caseId,
                    List.copyOf(catalog.fields.keySet())));
            this.values = new LinkedHashMap<>();
            view.fields().forEach(w -> values.put(w.fieldId(), w.value()));
            this.template = template(r, domainId, view.templateId());
            this.layout = layout(r, domainId, template);
        }

        String base() {
            return "/workspace/d/" + catalog.domainId() + "/cases/" + caseId;
        }
    }

    private Template template(WebRequest r, String domainId, String templateId) {
        try {
            return useCases.templates().getTemplate(new TemplateCommands.GetTemplate(r.caller(), domainId,
                    templateId)).resource();
        } catch (DomainException.NotFound gone) {
            return null;
        }
    }

    private LayoutContent layout(WebRequest r, String domainId, Template template) {
        if (template == null || template.defaultLayoutId() == null) {
            return null;
        }
        try {
            return useCases.layouts().getLayout(new LayoutCommands.GetLayout(r.caller(), domainId,
                    template.defaultLayoutId())).resource().content();
        } catch (DomainException.NotFound gone) {
            return null;
        }
    }

    CasePage page(WebRequest r, Shell shell, String domainId, String caseId) {
        var c = new LoadedCase(r, domainId, caseId);
        Shell titled = new Shell(title(c.values) + " – OpenCases", shell.agentName(), shell.admin(), shell.csrf(),
                domainId, c.catalog.domain.name());
        return new CasePage(titled, caseId, "/workspace/d/" + domainId + "/cases", header(r, c),
                form(c, Map.of(), Map.of(), null, false), feed(r, c), c.base());
    }

    CaseHeader header(WebRequest r, String domainId, String caseId) {
        return header(r, new LoadedCase(r, domainId, caseId));
    }

    FieldsForm fields(WebRequest r, String domainId, String caseId) {
        return form(new LoadedCase(r, domainId, caseId), Map.of(), Map.of(), null, false);
    }

    Feed feed(WebRequest r, String domainId, String caseId) {
        return feed(r, new LoadedCase(r, domainId, caseId));
    }

    /** Saves the fields the agent changed (those whose value differs from the value the form started from). */
    FieldsForm save(WebRequest r, String domainId, String caseId) {
        var posted = posted(r, FORM_PREFIX);
        var bases = posted(r, BASE_PREFIX);
        var c = new LoadedCase(r, domainId, caseId);
        var writes = new ArrayList<FieldWrite>();
        try {
            posted.forEach((id, value) -> {
                Field field = c.catalog.fields.get(id);
                if (field != null && !value.equals(bases.getOrDefault(id, ""))) {
                    writes.add(new FieldWrite(id, FieldForms.parse(field, value)));
                }
            });
            if (writes.isEmpty()) {
                return form(c, Map.of(), Map.of(), "Nothing changed.", false);
            }
            update(r, domainId, caseId, writes);
        } catch (DomainException e) {
            return form(c, posted, bases, c.catalog.humanize(e.getMessage()), true);
        }
        return form(new LoadedCase(r, domainId, caseId), Map.of(), Map.of(), "Saved.", false);
    }

    void setStatus(WebRequest r, String domainId, String caseId) {
        String status = r.param("status");
        if (status == null || status.isBlank()) {
            throw DomainException.invalid("status: choose a status.");
        }
        update(r, domainId, caseId, List.of(new FieldWrite(SystemFields.STATUS, new FieldValue.StringValue(status))));
    }

    void assignToMe(WebRequest r, String domainId, String caseId) {
        update(r, domainId, caseId, List.of(new FieldWrite(SystemFields.ASSIGNED_USER,
                new FieldValue.UserArnValue(r.agent.userArn()))));
    }

    void comment(WebRequest r, String domainId, String caseId) {
        addComment(r, domainId, caseId, r.param("body"));
    }

    void addComment(WebRequest r, String domainId, String caseId, String body) {
        if (body == null || body.isBlank()) {
            throw DomainException.invalid("Comment: write something first.");
        }
        useCases.relatedItems().createRelatedItem(new RelatedItemCommands.CreateRelatedItem(r.caller(), domainId,
                caseId, RelatedItemType.Comment, new RelatedItemCommands.NewComment(body, "Text/Plain"),
                AgentService.performedBy(r.agent)));
    }

    void update(WebRequest r, String domainId, String caseId, List<FieldWrite> writes) {
        try {
            useCases.cases().updateCase(new CaseCommands.UpdateCase(r.caller(), domainId, caseId, writes,
                    AgentService.performedBy(r.agent)));
        } catch (DomainException.Invalid e) {
            throw new DomainException.Invalid(DomainCatalog.load(useCases, r.caller(), domainId)
                    .humanize(e.getMessage()));
        }
    }

    /** The rules' outcome for the values in the form (not saved yet), over the case's other values, as JSON. */
    String rules(WebRequest r, String domainId, String caseId) {
        Map<String, FieldValue> values;
        String templateId;
        DomainCatalog catalog;
        if (caseId == null) {
            catalog = DomainCatalog.load(useCases, r.caller(), domainId);
            values = new HashMap<>();
            templateId = r.param("templateId");
        } else {
            var c = new LoadedCase(r, domainId, caseId);
            catalog = c.catalog;
            values = new HashMap<>(c.values);
            templateId = c.template == null ? null : c.template.templateId();
        }
        FieldForms.overlay(values, posted(r, FORM_PREFIX), catalog);
        CaseRuleOutcome outcome = templateId == null ? CaseRuleOutcome.evaluate(values, List.of())
                : useCases.rules().evaluateCaseRules(new CaseRuleEvaluation.EvaluateCaseRules(r.caller(), domainId,
                templateId, values));
        return Json.object(Map.of("hidden", outcome.hidden(), "required", outcome.required(),
                "options", outcome.allowedOptions()));
    }

    private static Map<String, String> posted(WebRequest r, String prefix) {
        var values = new LinkedHashMap<String, String>();
        for (String id : r.formNamesStartingWith(prefix)) {
            values.put(id, r.param(prefix + id));
        }
        return values;
    }

    private FieldsForm form(LoadedCase c, Map<String, String> posted, Map<String, String> bases, String message,
                            boolean error) {
        var values = new HashMap<>(c.values);
        FieldForms.overlay(values, posted, c.catalog);
        CaseRuleOutcome outcome = c.template == null ? CaseRuleOutcome.evaluate(values, List.of())
                : useCases.rules().evaluateCaseRules(new CaseRuleEvaluation.EvaluateCaseRules(
                c.caller, c.catalog.domainId(), c.template.templateId(), values));
        var sections = sections(c.catalog, c.layout, c.values, posted, bases, outcome, true);
        return new FieldsForm(c.base() + "/fields", c.base() + "/rules", sections, message, error);
    }

    private static List<Section> sections(DomainCatalog catalog, LayoutContent layout, Map<String, FieldValue> values,
                                          Map<String, String> posted, Map<String, String> bases,
                                          CaseRuleOutcome outcome, boolean existing) {
        var sections = new ArrayList<Section>();
        var placed = new LinkedHashSet<String>();
        var head = new ArrayList<FieldInput>();
        List<String> headIds = existing ? List.of(SystemFields.TITLE)
                : List.of(SystemFields.TITLE, SystemFields.CUSTOMER_ID);
        for (String id : headIds) {
            addInput(head, catalog, id, values, posted, bases, outcome);
            placed.add(id);
        }
        sections.add(new Section("Case", head));
        if (layout != null) {
            addPanel(sections, layout.topPanel(), "Details", catalog, values, posted, bases, outcome, placed);
            addPanel(sections, layout.moreInfo(), "More info", catalog, values, posted, bases, outcome, placed);
        } else {
            var fallback = new ArrayList<FieldInput>();
            var ids = new ArrayList<String>(FALLBACK_SYSTEM_FIELDS);
            catalog.fields.values().stream().filter(f -> !f.isSystem()).sorted(Comparator.comparing(Field::name))
                    .forEach(f -> ids.add(f.fieldId()));
            for (String id : ids) {
                if (placed.add(id)) {
                    addInput(fallback, catalog, id, values, posted, bases, outcome);
                }
            }
            sections.add(new Section("Details", fallback));
        }
        return sections;
    }

    private static void addPanel(List<Section> sections, LayoutPanel panel, String defaultName,
                                 DomainCatalog catalog, Map<String, FieldValue> values, Map<String, String> posted,
                                 Map<String, String> bases, CaseRuleOutcome outcome, Set<String> placed) {
        if (panel == null) {
            return;
        }
        for (FieldGroup group : panel.sections()) {
            var inputs = new ArrayList<FieldInput>();
            for (String id : group.fieldIds()) {
                if (!HEADER_FIELDS.contains(id) && placed.add(id)) {
                    addInput(inputs, catalog, id, values, posted, bases, outcome);
                }
            }
            if (!inputs.isEmpty()) {
                sections.add(new Section(group.name() == null || group.name().isBlank() ? defaultName
                        : group.name(), inputs));
            }
        }
    }

    private static void addInput(List<FieldInput> inputs, DomainCatalog catalog, String id,
                                 Map<String, FieldValue> values, Map<String, String> posted,
                                 Map<String, String> bases, CaseRuleOutcome outcome) {
        Field field = catalog.fields.get(id);
        if (field == null) {
            return;
        }
        String stored = FieldForms.formValue(field, values.get(id));
        String value = posted.getOrDefault(id, stored);
        String base = bases.getOrDefault(id, stored);
        inputs.add(FieldForms.input(field, value, base, values.get(id), catalog, outcome));
    }

    private CaseHeader header(WebRequest r, LoadedCase c) {
        var statusOptions = new ArrayList<Option>();
        String status = FieldForms.text(c.values.get(SystemFields.STATUS));
        for (var o : c.catalog.options(SystemFields.STATUS)) {
            if (o.active() || o.value().equals(status)) {
                statusOptions.add(new Option(o.value(), o.name(), o.value().equals(status)));
            }
        }
        FieldValue assigned = c.values.get(SystemFields.ASSIGNED_USER);
        boolean mine = assigned instanceof FieldValue.UserArnValue u && u.value().equals(r.agent.userArn());
        return new CaseHeader(title(c.values), FieldForms.text(c.values.get(SystemFields.REFERENCE_NUMBER)),
                c.base() + "/status", c.base() + "/assign", statusOptions,
                assigned == null ? "" : FieldForms.display(null, assigned, c.catalog), mine,
                display(c, SystemFields.CREATED_DATETIME), display(c, SystemFields.LAST_UPDATED_DATETIME),
                c.template == null ? "" : c.template.name());
    }

    private static String display(LoadedCase c, String fieldId) {
        return FieldForms.display(c.catalog.fields.get(fieldId), c.values.get(fieldId), c.catalog);
    }

    static String title(Map<String, FieldValue> values) {
        String title = FieldForms.text(values.get(SystemFields.TITLE));
        return title.isEmpty() ? "(untitled case)" : title;
    }

    private Feed feed(WebRequest r, LoadedCase c) {
        String domainId = c.catalog.domainId();
        List<RelatedItemCommands.RelatedItemView> items = DomainCatalog.all(token ->
                useCases.relatedItems().searchRelatedItems(new RelatedItemCommands.SearchRelatedItems(r.caller(),
                        domainId, c.caseId, List.of(), new PageRequest(100, token))));
        var entries = new ArrayList<FeedEntry>();
        items.stream()
                .sorted(Comparator.comparing((RelatedItemCommands.RelatedItemView v) -> v.item().associationTime())
                        .reversed())
                .forEach(v -> entries.add(entry(r, v, c)));
        return new Feed(c.base() + "/comments", c.base() + "/history", entries);
    }

    /** The case's audit history, newest first. */
    History history(WebRequest r, String domainId, String caseId) {
        var catalog = DomainCatalog.load(useCases, r.caller(), domainId);
        List<AuditEvent> events = DomainCatalog.all(token -> useCases.cases().getCaseAuditEvents(
                new CaseCommands.GetCaseAuditEvents(r.caller(), domainId, caseId, new PageRequest(100, token))));
        var history = new ArrayList<HistoryEntry>();
        for (int i = events.size() - 1; i >= 0; i--) {
            history.add(historyEntry(events.get(i), catalog));
        }
        return new History(history);
    }

    private FeedEntry entry(WebRequest r, RelatedItemCommands.RelatedItemView view, LoadedCase c) {
        RelatedItem item = view.item();
        String when = FieldForms.displayTime(item.associationTime());
        String who = who(item.createdBy());
        RelatedItemContent content = item.content();
        if (content instanceof RelatedItemContent.Comment comment) {
            return new FeedEntry("comment", when, who, "Comment", comment.body(), null, null);
        }
        if (content instanceof RelatedItemContent.Contact contact) {
            return new FeedEntry("contact", when, who, "Contact (" + contact.channel() + ")", contact.contactArn(),
                    null, null);
        }
        if (content instanceof RelatedItemContent.File file) {
            return new FeedEntry("file", when, who, "File", file.fileArn(), null, null);
        }
        if (content instanceof RelatedItemContent.Sla sla) {
            Instant now = view.readAt();
            return new FeedEntry("sla", when, who, "SLA: " + sla.name(),
                    c.catalog.name(sla.fieldId()) + " due " + FieldForms.displayTime(sla.targetTime()),
                    sla.status(now).name(), null);
        }
        if (content instanceof RelatedItemContent.ConnectCase connected) {
            return new FeedEntry("case", when, who, "Connected case", connectedTitle(r, c, connected.caseId()), null,
                    "/workspace/d/" + c.catalog.domainId() + "/cases/" + connected.caseId());
        }
        var custom = (RelatedItemContent.Custom) content;
        String body = custom.fields().stream()
                .map(v -> c.catalog.name(v.fieldId()) + ": "
                        + FieldForms.display(c.catalog.fields.get(v.fieldId()), v.value(), c.catalog))
                .collect(Collectors.joining("; "));
        return new FeedEntry("custom", when, who, "Custom item", body, null, null);
    }

    /** The connected case's title, or its id when it is gone. */
    private String connectedTitle(WebRequest r, LoadedCase c, String caseId) {
        try {
            var view = useCases.cases().getCase(new CaseCommands.GetCase(r.caller(), c.catalog.domainId(), caseId,
                    List.of(SystemFields.TITLE)));
            return view.fields().isEmpty() ? caseId : FieldForms.text(view.fields().get(0).value());
        } catch (DomainException.NotFound gone) {
            return caseId + " (deleted)";
        }
    }

    private static HistoryEntry historyEntry(AuditEvent event, DomainCatalog catalog) {
        var changes = new ArrayList<Change>();
        for (AuditEvent.Change change : event.fields()) {
            // Ids the server assigns say nothing to an agent.
            if (SystemFields.isServiceOwned(change.fieldId()) || "relatedItemId".equals(change.fieldId())) {
                continue;
            }
            Field field = catalog.fields.get(change.fieldId());
            changes.add(new Change(catalog.name(change.fieldId()), FieldForms.display(field, change.oldValue(),
                    catalog), FieldForms.display(field, change.newValue(), catalog)));
        }
        String who = event.user() != null ? who(event.user()) : FieldForms.userName(event.iamPrincipalArn());
        String what = switch (event.type()) {
            case CASE_CREATED -> "created the case";
            case CASE_UPDATED -> "updated the case";
            default -> event.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (event.relatedItemType() == null ? "" : " (" + event.relatedItemType() + ")");
        };
        return new HistoryEntry(FieldForms.displayTime(event.performedTime()), who, what, changes);
    }

    private static String who(CaseUser user) {
        if (user instanceof CaseUser.UserArn arn) {
            return FieldForms.userName(arn.arn());
        }
        if (user instanceof CaseUser.CustomEntity entity) {
            return entity.name();
        }
        return "API";
    }

    // ---- New case ----

    NewCasePage newCase(WebRequest r, Shell shell, String domainId, Map<String, String> posted, String error) {
        var catalog = DomainCatalog.load(useCases, r.caller(), domainId);
        List<Template> templates = DomainCatalog.all(token -> useCases.templates().listTemplates(
                new TemplateCommands.ListTemplates(r.caller(), domainId, new PageRequest(100, token),
                        Set.of(TemplateStatus.Active)))).stream().map(d -> d.resource()).toList();
        String templateId = r.param("templateId");
        Template chosen = templates.stream().filter(t -> t.templateId().equals(templateId)).findFirst()
                .orElse(templates.isEmpty() ? null : templates.get(0));
        var options = templates.stream().map(t -> new Option(t.templateId(), t.name(), t == chosen)).toList();
        FieldsForm form = null;
        if (chosen != null) {
            var values = new HashMap<String, FieldValue>();
            FieldForms.overlay(values, posted, catalog);
            CaseRuleOutcome outcome = useCases.rules().evaluateCaseRules(new CaseRuleEvaluation.EvaluateCaseRules(
                    r.caller(), domainId, chosen.templateId(), values));
            var sections = sections(catalog, layout(r, domainId, chosen), Map.of(), posted, Map.of(), outcome,
                    false);
            // Fields the template requires appear even when its layout leaves them out.
            var placed = sections.stream().flatMap(s -> s.fields().stream()).map(FieldInput::fieldId)
                    .collect(Collectors.toSet());
            var extra = new ArrayList<FieldInput>();
            for (String id : chosen.requiredFieldIds()) {
                if (!placed.contains(id)) {
                    addInput(extra, catalog, id, Map.of(), posted, Map.of(), outcome);
                }
            }
            if (!extra.isEmpty()) {
                sections.add(new Section("Required by the template", extra));
            }
            String base = "/workspace/d/" + domainId;
            form = new FieldsForm(base + "/new", base + "/rules?templateId=" + chosen.templateId(), sections, error,
                    error != null);
        }
        Shell titled = new Shell("New case – OpenCases", shell.agentName(), shell.admin(), shell.csrf(),
                domainId, catalog.domain.name());
        return new NewCasePage(titled, options, chosen == null ? null : chosen.templateId(), form);
    }

    /** Creates the case; returns its id. */
    String create(WebRequest r, String domainId) {
        var catalog = DomainCatalog.load(useCases, r.caller(), domainId);
        var writes = new ArrayList<FieldWrite>();
        posted(r, FORM_PREFIX).forEach((id, value) -> {
            Field field = catalog.fields.get(id);
            if (field != null && !value.isBlank()) {
                writes.add(new FieldWrite(id, FieldForms.parse(field, value)));
            }
        });
        return useCases.cases().createCase(new CaseCommands.CreateCase(r.caller(), domainId, r.param("templateId"),
                writes, null, AgentService.performedBy(r.agent), null)).caseId();
    }

    static Map<String, String> postedFields(WebRequest r) {
        return posted(r, FORM_PREFIX);
    }
}
