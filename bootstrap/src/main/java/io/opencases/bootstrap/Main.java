package io.opencases.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Starts OpenCases: reads the configuration, builds the component for the chosen storage, serves until SIGTERM. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** How long in-flight requests may take to finish after SIGTERM. */
    private static final long SHUTDOWN_GRACE_MILLIS = 30_000;

    private Main() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = ConfigLoader.load(args, System.getenv());
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("opencases: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogFormat.apply(config.operability().logFormat());
        var stopRequested = new CountDownLatch(1);
        var started = new java.util.concurrent.atomic.AtomicReference<OpenCasesServer>();
        // SIGTERM and SIGINT are handled, not left to the JVM's default (which exits 143): a requested stop that
        // drains cleanly is a success, so the process exits 0. The handlers are installed before the listener
        // opens, so a stop requested as soon as /health answers is handled too (it runs once the start is done). A
        // second signal while stopping changes nothing: the stop already under way finishes (drain, last delivery
        // pass, index checkpoint, close) and then exits.
        for (String name : new String[]{"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                OpenCasesServer running = started.get();
                if (stopRequested.getCount() == 0 && running != null) {
                    LOG.warn("SIG{} again while stopping: still finishing the stop ({} API requests in flight); "
                            + "nothing acknowledged is lost", name, running.inFlight());
                }
                stopRequested.countDown();
            });
        }
        OpenCasesServer server = start(config);
        started.set(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(SHUTDOWN_GRACE_MILLIS),
                "opencases-shutdown"));
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Shutting down: letting in-flight requests finish");
        server.stop(SHUTDOWN_GRACE_MILLIS);
        LOG.info("Stopped");
        System.exit(0);
    }

    /** Writes a generated key pair into the data directory, readable by its owner only; returns the file. */
    private static java.nio.file.Path keepGeneratedCredentials(ServerConfig config,
                                                               io.opencases.rest.auth.Credentials credentials) {
        var file = config.database().dataDir().resolve(ConfigLoader.GENERATED_CREDENTIALS);
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, """
                    [generated]
                    account_id = %s
                    aws_access_key_id = %s
                    aws_secret_access_key = %s
                    """.formatted(credentials.accountId(), credentials.accessKeyId(), credentials.secretAccessKey()));
            try {
                java.nio.file.Files.setPosixFilePermissions(file,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply.
            }
        } catch (java.io.IOException e) {
            LOG.warn("Could not keep the generated key pair in {}: it changes at the next start", file, e);
        }
        return file;
    }

    /** Builds and starts a server; used by main and by the end-to-end tests. */
    public static OpenCasesServer start(ServerConfig config) {
        if (config.storage() != ServerConfig.Storage.EMBEDDED) {
            return start(component(config));
        }
        var database = EmbeddedDatabase.start(config.database().dataDir(), true);
        try {
            var withUrl = config.withDatabase(config.database().withJdbcUrl(database.jdbcUrl(), EmbeddedDatabase.USER,
                    null));
            return start(component(withUrl), List.of(database));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The wired object graph for the configured storage, not started. */
    public static ServerComponent component(ServerConfig config) {
        return switch (config.storage()) {
            case MEMORY -> DaggerMemoryServerComponent.factory().create(config);
            case EMBEDDED, POSTGRES -> {
                if (config.database().jdbcUrl() == null) {
                    throw new IllegalStateException("the embedded database must be started before its component");
                }
                yield DaggerPostgresServerComponent.factory().create(config);
            }
        };
    }

    public static OpenCasesServer start(ServerComponent component) {
        return start(component, List.of());
    }

    /** Starts the component's server; {@code external} (an embedded database) is closed after it on stop. */
    public static OpenCasesServer start(ServerComponent component, List<AutoCloseable> external) {
        ServerConfig config = component.config();
        var resources = new java.util.ArrayList<AutoCloseable>(component.resources());
        resources.addAll(external);
        if (config.workspace().enabled()) {
            // Closed first: its live-update loop reads the storage closed after it.
            resources.add(0, component.workspace());
        }
        var server = new OpenCasesServer(component, resources);
        try {
            server.start();
        } catch (RuntimeException e) {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        if (!config.authEnabled()) {
            LOG.warn("Authentication is OFF (--auth none): every request is accepted as account {}. "
                    + "Use this only for throwaway local work.", config.accountId());
        } else if (config.generatedCredentials()) {
            var c = config.credentials().get(0);
            String kept = config.storage() == ServerConfig.Storage.MEMORY ? ""
                    : "It is kept in " + keepGeneratedCredentials(config, c) + " for the next starts. ";
            System.out.println("""
                    No credentials were configured, so OpenCases generated a key pair for account %s.
                    It is shown only now. %sTo use it with the AWS CLI:

                        aws configure set aws_access_key_id %s
                        aws configure set aws_secret_access_key %s
                        aws configure set region %s

                    Set OPENCASES_ACCESS_KEY_ID and OPENCASES_SECRET_ACCESS_KEY (or --credentials-file) to choose \
                    your own keys.
                    """.formatted(c.accountId(), kept, c.accessKeyId(), c.secretAccessKey(), config.region()));
        }
        if (config.workspace().enabled()) {
            startWorkspace(component);
        }
        LOG.info("OpenCases listening on http://{}:{} (storage {}, region {})", config.host(), server.port(),
                config.storage().name().toLowerCase(java.util.Locale.ROOT), config.region());
        return server;
    }

    /**
     * Creates the first admin agent (on the first start of the store) and starts the workspace's live updates. A
     * generated admin password is printed once, like a generated key pair; the store keeps only its hash.
     */
    private static void startWorkspace(ServerComponent component) {
        ServerConfig config = component.config();
        String given = config.workspace().adminPassword();
        String password = given != null ? given : ConfigLoader.generatePassword();
        boolean created = component.agentService().ensureAdmin(
                new io.opencases.application.agent.AgentCommands.EnsureAdmin(config.accountId(), "admin", password));
        if (created && given == null) {
            System.out.println("""
                    The agent workspace's first admin was created for account %s. Its password is shown only now:

                        username: admin
                        password: %s

                    Set OPENCASES_ADMIN_PASSWORD (or --admin-password) before the first start to choose it.
                    """.formatted(config.accountId(), password));
        }
        component.workspace().start();
    }
}
