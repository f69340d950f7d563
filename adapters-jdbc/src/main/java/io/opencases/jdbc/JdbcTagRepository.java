package io.opencases.jdbc;

import io.opencases.application.port.TagRepository;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row per tag; each port call is one statement, whatever the number of tags. */
final class JdbcTagRepository implements TagRepository {
    private final Jdbi jdbi;

    JdbcTagRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, String> tags(String arn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT key, value FROM tags WHERE arn = :arn")
                .bind("arn", arn)
                .reduceRows(new HashMap<String, String>(), (tags, row) -> {
                    tags.put(row.getColumn("key", String.class), row.getColumn("value", String.class));
                    return tags;
                }));
    }

    @Override
    public Map<String, Map<String, String>> tagsOf(Collection<String> arns) {
        if (arns.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT arn, key, value FROM tags WHERE arn = ANY(CAST(:arns AS text[]))")
                .bindArray("arns", String.class, List.copyOf(arns))
                .reduceRows(new HashMap<String, Map<String, String>>(), (found, row) -> {
                    found.computeIfAbsent(row.getColumn("arn", String.class), a -> new HashMap<>())
                            .put(row.getColumn("key", String.class), row.getColumn("value", String.class));
                    return found;
                }));
    }

    @Override
    public void put(String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(tags.size());
        List<String> values = new ArrayList<>(tags.size());
        tags.forEach((key, value) -> {
            keys.add(key);
            values.add(value);
        });
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO tags (arn, key, value) "
                        + "SELECT :arn, t.key, t.value FROM unnest(CAST(:keys AS text[]), CAST(:values AS text[])) "
                        + "AS t(key, value) ON CONFLICT (arn, key) DO UPDATE SET value = excluded.value")
                .bind("arn", arn)
                .bindArray("keys", String.class, keys)
                .bindArray("values", String.class, values)
                .execute());
    }

    @Override
    public void remove(String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM tags WHERE arn = :arn AND key = ANY(CAST(:keys AS text[]))")
                .bind("arn", arn)
                .bindArray("keys", String.class, List.copyOf(keys))
                .execute());
    }

    /** The ARNs below {@code arn} are the range [arn + "/", arn + "0"): '0' is the character after '/'. */
    @Override
    public void deleteTree(String arn) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM tags WHERE arn = :arn OR (arn >= :from AND arn < :to)")
                .bind("arn", arn)
                .bind("from", arn + "/")
                .bind("to", arn + "0")
                .execute());
    }
}
