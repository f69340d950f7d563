package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.opencases.application.port.CaseIndex;
import io.opencases.lucene.LuceneCaseIndex;

import javax.inject.Singleton;

/**
 * The case index of durable storage: Lucene in {@code <data-dir>/index}, one per server instance. It is a copy of
 * the store, checkpointed with the change-feed position it reflects; at start it catches up from there, or is
 * rebuilt from the store when it is missing, stale or corrupt.
 */
@Module
final class DurableSearchModule {
    private DurableSearchModule() {
    }

    @Provides
    @Singleton
    static LuceneCaseIndex luceneIndex(ServerConfig config) {
        return LuceneCaseIndex.open(config.database().indexDir());
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
