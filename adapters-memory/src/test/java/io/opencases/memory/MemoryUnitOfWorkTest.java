package io.opencases.memory;

import io.opencases.application.port.UnitOfWork;
import io.opencases.application.port.contract.UnitOfWorkContract;

/** The in-memory UnitOfWork against the shared UnitOfWorkContract. */
class MemoryUnitOfWorkTest implements UnitOfWorkContract {
    private final MemoryUnitOfWork unitOfWork = new MemoryUnitOfWork();

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
