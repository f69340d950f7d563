package io.opencases.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL with {@code :name} parameters for plain JDBC (the case hot paths, which skip JDBI's per-statement setup):
 * parsed once into {@code ?} placeholders and the names in order. Write casts as {@code CAST(x AS t)}, not
 * {@code x::t}.
 */
final class NamedSql {
    private final String sql;
    private final List<String> names;

    NamedSql(String named) {
        var out = new StringBuilder(named.length());
        var order = new ArrayList<String>();
        for (int i = 0; i < named.length(); i++) {
            char c = named.charAt(i);
            if (c == ':' && i + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                order.add(named.substring(i + 1, end));
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        this.sql = out.toString();
        this.names = List.copyOf(order);
    }

    PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                bind(connection, statement, i + 1, values.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            Array array = connection.createArrayOf("text", texts);
            statement.setArray(index, array);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }
}
