package io.opencases.application;

import io.opencases.application.port.Clock;
import io.opencases.application.port.IdGenerator;
import io.opencases.application.port.UnitOfWork;

/**
 * What every use case needs besides its repositories: the unit of work it runs in, time, new ids, ARN formats and
 * the quotas. One record so each service's constructor names only the ports that are specific to it.
 */
public record UseCaseContext(UnitOfWork unitOfWork, Clock clock, IdGenerator ids, Arns arns, Quotas quotas) {
}
