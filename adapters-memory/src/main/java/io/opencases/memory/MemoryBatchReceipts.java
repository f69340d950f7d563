package io.opencases.memory;

import io.opencases.application.port.BatchReceipts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryBatchReceipts implements BatchReceipts {
    private record Key(String domainId, String operation, String token) {
    }

    private record Stored(Receipt receipt, Map<Integer, Entry> entries) {
    }

    private final Map<Key, Stored> receipts = new ConcurrentHashMap<>();

    @Override
    public Optional<Receipt> find(String domainId, String operation, String token) {
        return Optional.ofNullable(receipts.get(new Key(domainId, operation, token))).map(Stored::receipt);
    }

    @Override
    public void open(Receipt receipt) {
        receipts.put(new Key(receipt.domainId(), receipt.operation(), receipt.token()),
                new Stored(receipt, new TreeMap<>()));
    }

    @Override
    public void record(String domainId, String operation, String token, Entry entry) {
        Stored stored = receipts.get(new Key(domainId, operation, token));
        if (stored == null) {
            throw new IllegalStateException("no receipt for token " + token);
        }
        synchronized (stored) {
            if (stored.entries().putIfAbsent(entry.position(), entry) != null) {
                throw new IllegalStateException("position " + entry.position() + " is already recorded");
            }
        }
    }

    @Override
    public Optional<Entry> entry(String domainId, String operation, String token, int position) {
        Stored stored = receipts.get(new Key(domainId, operation, token));
        if (stored == null) {
            return Optional.empty();
        }
        synchronized (stored) {
            return Optional.ofNullable(stored.entries().get(position));
        }
    }

    @Override
    public List<Entry> entries(String domainId, String operation, String token) {
        Stored stored = receipts.get(new Key(domainId, operation, token));
        if (stored == null) {
            return List.of();
        }
        synchronized (stored) {
            return List.copyOf(stored.entries().values());
        }
    }
}
