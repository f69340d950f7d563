package io.opencases.application.port.contract;

import io.opencases.application.port.LayoutRepository;
import io.opencases.domain.layout.FieldGroup;
import io.opencases.domain.layout.Layout;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.layout.LayoutPanel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DomainResourceRepository contract for layouts, whose content must survive storage unchanged. */
public interface LayoutRepositoryContract extends DomainResourceRepositoryContract<Layout> {
    @Override
    LayoutRepository repository();

    @Override
    default Layout newResource(String domainId, String id, String name) {
        var content = new LayoutContent(
                new LayoutPanel(List.of(new FieldGroup("Customer", List.of("customer_id", "case_reason")),
                        new FieldGroup(null, List.of("summary")))),
                new LayoutPanel(List.of(new FieldGroup("Assignment", List.of("assigned_user", "assigned_queue")))));
        return new Layout(domainId, id, name, content, false, CREATED, CREATED);
    }

    @Override
    default Layout deletedCopy(Layout layout) {
        return layout.delete(DELETED);
    }

    @Test
    default void layoutWithAbsentOrEmptyPanelsRoundTrips() {
        String domainId = newDomainId();
        var bare = new Layout(domainId, UUID.randomUUID().toString(), "Bare", new LayoutContent(null, null), false,
                CREATED, CREATED);
        var emptyPanels = new Layout(domainId, UUID.randomUUID().toString(), "Empty",
                new LayoutContent(new LayoutPanel(List.of()), new LayoutPanel(List.of(new FieldGroup(null,
                        List.of())))), false, CREATED, CREATED);
        repository().save(bare);
        repository().save(emptyPanels);

        assertThat(repository().find(domainId, bare.layoutId())).contains(bare);
        assertThat(repository().find(domainId, emptyPanels.layoutId())).contains(emptyPanels);
        assertThat(repository().find(domainId, bare.layoutId()).orElseThrow().content().moreInfo()).isNull();
    }
}
