package io.opencases.bootstrap;

import dagger.BindsInstance;
import dagger.Component;

import javax.inject.Singleton;

/** The server on PostgreSQL (--storage embedded or postgres), its search index in the data directory. */
@Singleton
@Component(modules = {ApplicationModule.class, JdbcStorageModule.class, RestModule.class, BatchAndMergeModule.class,
        EventModule.class, SearchModule.class, OperabilityModule.class, JdbcOperabilityModule.class, WebModule.class})
interface PostgresServerComponent extends ServerComponent {
    @Component.Factory
    interface Factory {
        PostgresServerComponent create(@BindsInstance ServerConfig config);
    }
}
