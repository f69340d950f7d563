package io.opencases.application;

import io.opencases.application.casesdomain.DomainConfigurations;
import io.opencases.application.port.Clock;
import io.opencases.application.port.IdGenerator;
import io.opencases.application.port.UnitOfWork;

/**
 * What every use case needs besides its repositories: the unit of work it runs in, time, new ids, ARN formats, the
 * quotas, and this instance's cached domain configurations, which every change to a configuration reports to
 * ({@link DomainConfigurations#changed}). One record so each service's constructor names only the ports that are
 * specific to it.
 */
public record UseCaseContext(UnitOfWork unitOfWork, Clock clock, IdGenerator ids, Arns arns, Quotas quotas,
                             DomainConfigurations configurations) {
}
