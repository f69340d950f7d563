package io.opencases.application.port;

import io.opencases.domain.event.CaseEvent;

/** Delivers one event to where events go (a log, webhooks, a bus). Throws when this attempt did not deliver. */
public interface CaseEventPublisher {
    void publish(CaseEvent event) throws Exception;
}
