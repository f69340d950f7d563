package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.opencases.application.port.CaseIndex;
import io.opencases.lucene.LuceneCaseIndex;

import javax.inject.Singleton;

/**
 * The case index: Lucene. With memory storage it lives in memory too (ByteBuffersDirectory); the PostgreSQL profile
 * will keep it in the data directory and rebuild it from the store when needed.
 */
@Module
final class SearchModule {
    private SearchModule() {
    }

    @Provides
    @Singleton
    static CaseIndex caseIndex() {
        return new LuceneCaseIndex();
    }
}
