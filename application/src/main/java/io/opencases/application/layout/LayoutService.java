package io.opencases.application.layout;

import io.opencases.application.Described;
import io.opencases.application.DomainAccess;
import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.layout.LayoutCommands.CreateLayout;
import io.opencases.application.layout.LayoutCommands.DeleteLayout;
import io.opencases.application.layout.LayoutCommands.GetLayout;
import io.opencases.application.layout.LayoutCommands.LayoutCreated;
import io.opencases.application.layout.LayoutCommands.ListLayouts;
import io.opencases.application.layout.LayoutCommands.UpdateLayout;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.layout.Layout;
import io.opencases.domain.layout.LayoutContent;

import java.util.Map;

/** Case layouts: CreateLayout, GetLayout, UpdateLayout, DeleteLayout, ListLayouts. */
public final class LayoutService {
    private static final int DEFAULT_PAGE = 100;
    private static final String RESOURCE = "Layout";

    private final LayoutRepository layouts;
    private final TagRepository tags;
    private final DomainAccess access;
    private final UseCaseContext context;

    public LayoutService(DomainRepository domains, FieldRepository fields, LayoutRepository layouts,
                         TagRepository tags, UseCaseContext context) {
        this.context = context;
        this.layouts = layouts;
        this.tags = tags;
        this.access = new DomainAccess(domains, fields);
    }

    public LayoutCreated createLayout(CreateLayout command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            DomainAccess.requireUniqueName(layouts.findLiveByName(domainId, command.name()), null, "layout",
                    command.name());
            if (layouts.countLive(domainId) >= context.quotas().layoutsPerDomain()) {
                throw new DomainException.QuotaExceeded("A domain can have at most " + context.quotas().layoutsPerDomain()
                        + " layouts.");
            }
            checkContent(domainId, command.content());
            var now = context.clock().now();
            var layout = new Layout(domainId, context.ids().newId(), command.name(), command.content(), false, now, now);
            layouts.save(layout);
            return new LayoutCreated(layout.layoutId(), context.arns().layout(domain.accountId(), domainId, layout.layoutId()));
        });
    }

    /** The layout, deleted or not, without the fields deleted since it was written. */
    public Described<Layout> getLayout(GetLayout command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Layout layout = DomainAccess.require(layouts.find(domain.domainId(), command.layoutId()), RESOURCE,
                    command.layoutId());
            var live = access.liveFieldIds(domain.domainId(), layout.content().fieldIds());
            var shown = new Layout(layout.domainId(), layout.layoutId(), layout.name(),
                    layout.content().retainFields(live::contains), layout.deleted(), layout.createdTime(),
                    layout.lastModifiedTime());
            String arn = context.arns().layout(domain.accountId(), domain.domainId(), layout.layoutId());
            return new Described<>(shown, arn, tags.tags(arn));
        });
    }

    public void updateLayout(UpdateLayout command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Layout layout = DomainAccess.require(layouts.find(domain.domainId(), command.layoutId()), RESOURCE,
                    command.layoutId());
            if (command.name() != null) {
                DomainAccess.requireUniqueName(layouts.findLiveByName(domain.domainId(), command.name()),
                        layout.layoutId(), "layout", command.name());
            }
            if (command.content() != null && !layout.deleted()) {
                checkContent(domain.domainId(), command.content());
            }
            layouts.save(layout.update(command.name(), command.content(), context.clock().now()));
        });
    }

    /** Soft delete; deleting a deleted layout again changes nothing. */
    public void deleteLayout(DeleteLayout command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Layout layout = DomainAccess.require(layouts.find(domain.domainId(), command.layoutId()), RESOURCE,
                    command.layoutId());
            if (!layout.deleted()) {
                layouts.save(layout.delete(context.clock().now()));
            }
        });
    }

    public Page<Described<Layout>> listLayouts(ListLayouts command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Page<Layout> page = Pagination.page("ListLayouts/" + domain.domainId(), command.page(), DEFAULT_PAGE,
                    (after, limit) -> layouts.listLive(domain.domainId(), after, limit), Layout::layoutId);
            return new Page<>(page.items().stream()
                    .map(l -> new Described<>(l, context.arns().layout(domain.accountId(), domain.domainId(), l.layoutId()),
                            Map.<String, String>of()))
                    .toList(), page.nextToken());
        });
    }

    private void checkContent(String domainId, LayoutContent content) {
        if (content.fieldIds().size() > context.quotas().fieldsPerLayout()) {
            throw new DomainException.QuotaExceeded("A layout can place at most " + context.quotas().fieldsPerLayout()
                    + " fields; this one places " + content.fieldIds().size() + ".");
        }
        access.requireLiveFields(domainId, content.fieldIds(), "content");
    }
}
