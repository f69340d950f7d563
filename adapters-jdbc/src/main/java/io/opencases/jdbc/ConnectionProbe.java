package io.opencases.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Checks that the database answers, on one dedicated session outside the pool that is kept while it works and
 * replaced when it does not. A pooled connection would make the check wait for the pool (30 s when the database is
 * gone) and compete with requests.
 */
final class ConnectionProbe implements AutoCloseable {
    private final DataSource connections;
    private Connection connection;
    private boolean closed;

    ConnectionProbe(DataSource connections) {
        this.connections = connections;
    }

    synchronized boolean reachable(int timeoutSeconds) {
        if (closed) {
            return false;
        }
        try {
            if (connection != null && connection.isValid(timeoutSeconds)) {
                return true;
            }
            drop();
            connection = connect(timeoutSeconds);
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            drop();
            return false;
        }
    }

    private Connection connect(int timeoutSeconds) throws SQLException {
        if (connections instanceof org.postgresql.ds.common.BaseDataSource server) {
            // A copy of the server's settings with short timeouts: a dead host must not hold the check for minutes.
            var quick = new org.postgresql.ds.PGSimpleDataSource();
            quick.setURL(server.getURL());
            quick.setUser(server.getUser());
            quick.setPassword(server.getPassword());
            quick.setConnectTimeout(timeoutSeconds);
            quick.setSocketTimeout(timeoutSeconds * 2);
            quick.setLoginTimeout(timeoutSeconds);
            return quick.getConnection();
        }
        return connections.getConnection();
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    private void drop() {
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
