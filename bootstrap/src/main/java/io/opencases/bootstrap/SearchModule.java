package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.opencases.application.port.CaseIndex;
import io.opencases.lucene.LuceneCaseIndex;

import javax.inject.Singleton;

/**
 * The case index: Lucene. With memory storage it lives in memory too and starts empty like the store. With
 * PostgreSQL it lives in {@code <data-dir>/index}, one per server instance: a copy of the store, checkpointed with
 * the change-feed position it reflects, caught up from there at start, or rebuilt when missing, stale or corrupt.
 */
@Module
final class SearchModule {
    private SearchModule() {
    }

    @Provides
    @Singleton
    static LuceneCaseIndex luceneIndex(ServerConfig config) {
        return config.storage() == ServerConfig.Storage.MEMORY
                ? new LuceneCaseIndex()
                : LuceneCaseIndex.open(config.database().indexDir());
    }

    @Provides
    static CaseIndex caseIndex(LuceneCaseIndex index) {
        return index;
    }

    @Provides
    @IntoSet
    static AutoCloseable closeIndex(LuceneCaseIndex index) {
        return index;
    }
}
