package io.opencases.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The outbox's delivery lease: a session-level PostgreSQL advisory lock on one dedicated connection, outside the
 * pool. Of all server instances on a database only the session holding the lock delivers; PostgreSQL releases it
 * when that session ends (the instance stops, crashes, or loses its connection), and the next instance to ask gets
 * it. Asking again checks that the connection still lives, so an instance that lost its session stops delivering
 * and competes for the lease again on a new connection. (Needs a real session: not through a transaction pooler.)
 */
final class DeliveryLease implements AutoCloseable {
    /** The advisory lock key of the delivery lease: "OpenCase" in ASCII. */
    static final long LOCK_KEY = 0x4F70656E43617365L;
    /** The advisory lock key of the merge runner's lease (issue 11): "OCMerge!" in ASCII. */
    static final long MERGE_LOCK_KEY = 0x4F434D6572676521L;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource connections;
    private final long lockKey;
    private Connection connection;
    private boolean held;
    private boolean closed;

    DeliveryLease(DataSource connections) {
        this(connections, LOCK_KEY);
    }

    DeliveryLease(DataSource connections, long lockKey) {
        this.connections = connections;
        this.lockKey = lockKey;
    }

    synchronized boolean acquire() {
        if (closed) {
            return false;
        }
        try {
            if (held) {
                if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    return true;
                }
                drop();
            }
            if (connection == null) {
                connection = connections.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    held = result.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            // The store is unreachable: no lease now; the next call tries again on a new connection.
            drop();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    /** Closing the session releases the lock if it held it. */
    private void drop() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The session is gone either way.
            }
            connection = null;
        }
    }
}
