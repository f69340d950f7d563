package io.opencases.jdbc;

import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.template.Template;
import org.jdbi.v3.core.Jdbi;

final class JdbcTemplateRepository extends JdbcDomainResourceRepository<Template> implements TemplateRepository {
    JdbcTemplateRepository(Jdbi jdbi) {
        super(jdbi, "templates", Template.class);
    }
}
