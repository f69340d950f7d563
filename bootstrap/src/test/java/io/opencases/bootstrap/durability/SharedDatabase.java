package io.opencases.bootstrap.durability;

import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.TestDatabases;
import io.opencases.bootstrap.conformance.TestServer;

import java.io.IOException;
import java.nio.file.Files;

/** Configurations of server instances sharing one PostgreSQL database, each with a search index of its own. */
final class SharedDatabase {
    private SharedDatabase() {
    }

    /** An instance of the suite's configuration (two accounts, free port) on {@code database}. */
    static ServerConfig instance(TestDatabases.Database database, ServerConfig.Events events) throws IOException {
        var base = TestServer.config(TestServer.QUOTAS, true, events);
        return new ServerConfig(base.host(), base.port(), ServerConfig.Storage.POSTGRES, base.region(),
                base.accountId(), base.authEnabled(), base.credentials(), false, base.quotas(), base.events(),
                new ServerConfig.Database(database.url(), database.user(), database.password(),
                        Files.createTempDirectory("opencases-instance-"), 8, false));
    }

    static ServerConfig instance(TestDatabases.Database database) throws IOException {
        return instance(database, ServerConfig.Events.DEFAULT);
    }
}
