package io.opencases.memory;

import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.template.Template;

public final class MemoryTemplateRepository extends MemoryDomainResourceRepository<Template> implements TemplateRepository {
}
