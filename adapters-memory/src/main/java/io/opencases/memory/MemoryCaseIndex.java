package io.opencases.memory;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.SearchTerms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference search: every query scans the domain's documents and sorts the matches. Simple enough to be
 * obviously right, which is what the Lucene adapter is checked against.
 */
public final class MemoryCaseIndex implements CaseIndex {
    /** A document with its words worked out once, at write time rather than per query. */
    private record Indexed(CaseDocument document, java.util.Set<String> words) {
    }

    private volatile Map<String, Map<String, Indexed>> byDomain = new ConcurrentHashMap<>();

    @Override
    public void upsert(CaseDocument document) {
        byDomain.computeIfAbsent(document.domainId(), d -> new ConcurrentHashMap<>())
                .put(document.caseId(), new Indexed(document, SearchTerms.caseWords(document)));
    }

    @Override
    public void remove(String domainId, String caseId) {
        byDomain.getOrDefault(domainId, new ConcurrentHashMap<>()).remove(caseId);
    }

    @Override
    public void removeDomain(String domainId) {
        byDomain.remove(domainId);
    }

    @Override
    public void clear() {
        byDomain.clear();
    }

    @Override
    public CaseIndex newBeside() {
        return new MemoryCaseIndex();
    }

    @Override
    public void replaceWith(CaseIndex built) {
        byDomain = ((MemoryCaseIndex) built).byDomain;
    }

    @Override
    public Hits search(String domainId, Query query) {
        var comparator = CaseOrdering.comparator(query.sorts());
        var matches = byDomain.getOrDefault(domainId, Map.of()).values().stream()
                .filter(i -> query.termWords().isEmpty() || SearchTerms.matches(i.words(), query.termWords()))
                .map(Indexed::document)
                .filter(d -> query.filter() == null || query.filter().test(d.values(), d.tags()))
                .map(d -> Map.entry(CaseOrdering.key(d, query.sorts()), d))
                .sorted(Map.Entry.comparingByKey(comparator))
                .toList();
        var page = matches.stream()
                .filter(e -> query.after() == null || comparator.compare(e.getKey(), query.after()) > 0)
                .limit(query.limit()).map(Map.Entry::getValue).toList();
        return new Hits(page, matches.size());
    }
}
