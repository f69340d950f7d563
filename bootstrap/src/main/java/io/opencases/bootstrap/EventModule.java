package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.opencases.application.port.CaseEventPublisher;
import io.opencases.rest.events.LogCaseEventPublisher;
import io.opencases.rest.events.WebhookCaseEventPublisher;

import javax.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Where case events are published: the log and/or the configured webhooks, one attempt reaching all of them. */
@Module
final class EventModule {
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    private EventModule() {
    }

    @Provides
    @Singleton
    static CaseEventPublisher publisher(ServerConfig config) {
        ServerConfig.Events events = config.events();
        var publishers = new ArrayList<CaseEventPublisher>();
        // With no webhook the log is the sink, so an enabled event configuration is visible somewhere.
        if (events.log() || events.webhookUrls().isEmpty()) {
            publishers.add(new LogCaseEventPublisher());
        }
        if (!events.webhookUrls().isEmpty()) {
            publishers.add(new WebhookCaseEventPublisher(events.webhookUrls(), events.webhookSecret(),
                    WEBHOOK_TIMEOUT));
        }
        List<CaseEventPublisher> all = List.copyOf(publishers);
        return event -> {
            for (CaseEventPublisher publisher : all) {
                publisher.publish(event);
            }
        };
    }
}
