package io.opencases.application.port;

import io.opencases.domain.template.Template;

public interface TemplateRepository extends DomainResourceRepository<Template> {
}
