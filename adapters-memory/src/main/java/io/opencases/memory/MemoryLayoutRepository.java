package io.opencases.memory;

import io.opencases.application.port.LayoutRepository;
import io.opencases.domain.layout.Layout;

public final class MemoryLayoutRepository extends MemoryDomainResourceRepository<Layout> implements LayoutRepository {
}
