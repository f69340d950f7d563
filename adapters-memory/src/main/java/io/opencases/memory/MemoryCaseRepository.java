package io.opencases.memory;

import io.opencases.application.port.CaseRepository;
import io.opencases.domain.cases.Case;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

public final class MemoryCaseRepository implements CaseRepository {
    /** Keyed "domainId/caseId": ids are UUIDs without '/', so key order is (domain id, case id) order. */
    private final ConcurrentSkipListMap<String, Case> cases = new ConcurrentSkipListMap<>();
    private final Map<String, ClientToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void save(Case aCase) {
        cases.put(key(aCase.domainId(), aCase.caseId()), aCase);
    }

    @Override
    public Optional<Case> find(String domainId, String caseId) {
        return Optional.ofNullable(cases.get(key(domainId, caseId)));
    }

    @Override
    public void delete(String domainId, String caseId) {
        cases.remove(key(domainId, caseId));
        tokens.values().removeIf(t -> t.domainId().equals(domainId) && t.caseId().equals(caseId));
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        cases.keySet().removeIf(k -> k.startsWith(domainId + "/"));
        tokens.keySet().removeIf(k -> k.startsWith(domainId + "/"));
    }

    @Override
    public List<Case> listAfter(String afterDomainId, String afterCaseId, int limit) {
        var tail = afterDomainId == null ? cases : cases.tailMap(key(afterDomainId, afterCaseId), false);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public void saveClientToken(ClientToken token) {
        tokens.put(key(token.domainId(), token.token()), token);
    }

    @Override
    public Optional<ClientToken> findClientToken(String domainId, String token) {
        return Optional.ofNullable(tokens.get(key(domainId, token)));
    }

    private static String key(String domainId, String id) {
        return domainId + "/" + id;
    }
}
