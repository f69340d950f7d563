package io.opencases.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Small helpers for reading rows and binding keyset cursors. */
final class Rows {
    private Rows() {
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A keyset cursor: every id sorts after the empty string in the "C" collation, so null starts the listing. */
    static String after(String id) {
        return id == null ? "" : id;
    }
}
