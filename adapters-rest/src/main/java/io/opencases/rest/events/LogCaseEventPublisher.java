package io.opencases.rest.events;

import io.opencases.application.port.CaseEventPublisher;
import io.opencases.domain.event.CaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every event as one JSON line to the "opencases.events" logger. */
public final class LogCaseEventPublisher implements CaseEventPublisher {
    private static final Logger EVENTS = LoggerFactory.getLogger("opencases.events");

    @Override
    public void publish(CaseEvent event) {
        EVENTS.info(CaseEventJson.toJson(event));
    }
}
