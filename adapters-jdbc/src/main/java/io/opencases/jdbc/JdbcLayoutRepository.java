package io.opencases.jdbc;

import io.opencases.application.port.LayoutRepository;
import io.opencases.domain.layout.Layout;
import org.jdbi.v3.core.Jdbi;

final class JdbcLayoutRepository extends JdbcDomainResourceRepository<Layout> implements LayoutRepository {
    JdbcLayoutRepository(Jdbi jdbi) {
        super(jdbi, "layouts", Layout.class);
    }
}
