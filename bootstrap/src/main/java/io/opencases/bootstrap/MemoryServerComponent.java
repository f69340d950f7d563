package io.opencases.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.opencases.rest.RestServer;

import javax.inject.Singleton;

/** The server on in-memory storage (--storage memory). */
@Singleton
@Component(modules = {ApplicationModule.class, MemoryStorageModule.class, RestModule.class, BatchAndMergeModule.class,
        EventModule.class, SearchModule.class, OperabilityModule.class, WebModule.class})
interface MemoryServerComponent extends ServerComponent {
    @Component.Factory
    interface Factory {
        MemoryServerComponent create(@BindsInstance ServerConfig config);
    }
}
