package io.opencases.application.port;

import io.opencases.domain.layout.Layout;

public interface LayoutRepository extends DomainResourceRepository<Layout> {
}
