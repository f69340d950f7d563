package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.opencases.application.port.CaseIndex;
import io.opencases.lucene.LuceneCaseIndex;

import javax.inject.Singleton;

/** The case index of memory storage: Lucene in memory too (ByteBuffersDirectory), rebuilt (empty) at each start. */
@Module
final class SearchModule {
    private SearchModule() {
    }

    @Provides
    @Singleton
    static LuceneCaseIndex luceneIndex() {
        return new LuceneCaseIndex();
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
