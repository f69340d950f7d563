package io.opencases.memory;

import io.opencases.application.port.CaseRepository;
import io.opencases.domain.cases.Case;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryCaseRepository implements CaseRepository {
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
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
