package io.opencases.application.port.contract;

import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DomainResourceRepository contract for templates, whose references and settings must survive storage. */
public interface TemplateRepositoryContract extends DomainResourceRepositoryContract<Template> {
    @Override
    TemplateRepository repository();

    @Override
    default Template newResource(String domainId, String id, String name) {
        return new Template(domainId, id, name, "Cases about " + name, "layout-1", List.of("summary", "case_reason"),
                TemplateStatus.Active,
                List.of(new TemplateRule("rule-1", "summary"), new TemplateRule("rule-2", null)),
                List.of(new TagPropagation("Cases", Map.of("team", "billing", "tier", "gold"))), false, CREATED,
                CREATED);
    }

    @Override
    default Template deletedCopy(Template template) {
        return template.delete(DELETED);
    }

    @Test
    default void inactiveTemplateWithOnlyItsNameRoundTrips() {
        String domainId = newDomainId();
        var bare = new Template(domainId, UUID.randomUUID().toString(), "Bare", null, null, null,
                TemplateStatus.Inactive, null, null, false, CREATED, CREATED);
        repository().save(bare);

        var found = repository().find(domainId, bare.templateId()).orElseThrow();
        assertThat(found).isEqualTo(bare);
        assertThat(found.description()).isNull();
        assertThat(found.defaultLayoutId()).isNull();
    }

    @Test
    default void listLiveShowsTemplatesOfEveryStatus() {
        String domainId = newDomainId();
        var active = newResource(domainId, UUID.randomUUID().toString(), "Active");
        var inactive = new Template(domainId, UUID.randomUUID().toString(), "Inactive", null, null, null,
                TemplateStatus.Inactive, null, null, false, CREATED, CREATED);
        repository().save(active);
        repository().save(inactive);

        assertThat(repository().listLive(domainId, null, 10)).containsExactlyInAnyOrder(active, inactive);
    }
}
