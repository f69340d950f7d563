package io.opencases.memory;

import io.opencases.application.port.AuditLog;
import io.opencases.domain.cases.AuditEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

public final class MemoryAuditLog implements AuditLog {
    private final Map<String, List<AuditEvent>> byCase = new ConcurrentHashMap<>();

    @Override
    public void append(AuditEvent event) {
        byCase.computeIfAbsent(key(event.domainId(), event.caseId()), k -> new CopyOnWriteArrayList<>()).add(event);
    }

    @Override
    public List<AuditEvent> events(String domainId, String caseId, int skip, int limit) {
        return byCase.getOrDefault(key(domainId, caseId), List.of()).stream().skip(skip).limit(limit).toList();
    }

    @Override
    public void deleteCase(String domainId, String caseId) {
        byCase.remove(key(domainId, caseId));
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        byCase.keySet().removeIf(k -> k.startsWith(domainId + "/"));
    }

    private static String key(String domainId, String caseId) {
        return domainId + "/" + caseId;
    }
}
