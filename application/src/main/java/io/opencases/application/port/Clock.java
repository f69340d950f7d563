package io.opencases.application.port;

import java.time.Instant;

/** The time source of every use case, a port so tests of SLAs, audit order and pagination are deterministic. */
public interface Clock {
    Instant now();
}
