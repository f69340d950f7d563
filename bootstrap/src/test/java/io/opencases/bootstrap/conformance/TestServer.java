package io.opencases.bootstrap.conformance;

import io.opencases.application.Quotas;
import io.opencases.bootstrap.Main;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.TestDatabases;
import io.opencases.bootstrap.OpenCasesServer;
import io.opencases.rest.auth.Credentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;

import java.net.URI;
import java.util.List;

/**
 * A real OpenCases server on a free port with two accounts, and official AWS SDK clients pointed at it. Each
 * conformance test class starts one (not one per test) and shares it between its tests.
 */
public final class TestServer implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final Credentials ACCOUNT_A = new Credentials("AKIDACCOUNTA", "secret-a", "111111111111");
    public static final Credentials ACCOUNT_B = new Credentials("AKIDACCOUNTB", "secret-b", "222222222222");

    /** AWS's quotas, but enough domains for every test of a class to make its own. */
    public static final Quotas QUOTAS = new Quotas(1000, 500, 500, 100, 100, 100, 100);

    private final OpenCasesServer server;

    private TestServer(Quotas quotas, boolean authEnabled, ServerConfig.Events events) {
        var config = config(quotas, authEnabled, events);
        // The same suite runs on memory storage and, in a second pass, on PostgreSQL (see the bootstrap pom).
        this.server = Main.start(TestDatabases.postgresRequested() ? TestDatabases.onPostgres(config) : config);
    }

    private TestServer(ServerConfig config) {
        this.server = Main.start(config);
    }

    /** The suite's configuration (two accounts, free port) on memory storage. */
    public static ServerConfig config(Quotas quotas, boolean authEnabled, ServerConfig.Events events) {
        return new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.MEMORY, REGION, ACCOUNT_A.accountId(),
                authEnabled, authEnabled ? List.of(ACCOUNT_A, ACCOUNT_B) : List.of(), false, quotas, events);
    }

    /** A server with exactly this configuration (the durability tests pick their storage themselves). */
    public static TestServer start(ServerConfig config) {
        return new TestServer(config);
    }

    public static TestServer start() {
        return new TestServer(QUOTAS, true, ServerConfig.Events.DEFAULT);
    }

    public static TestServer start(Quotas quotas) {
        return new TestServer(quotas, true, ServerConfig.Events.DEFAULT);
    }

    /** A server that publishes case events as {@code events} says. */
    public static TestServer start(ServerConfig.Events events) {
        return new TestServer(QUOTAS, true, events);
    }

    /**
     * A server of the suite (memory, or PostgreSQL in the second pass) with these operability settings (issue 13:
     * metrics, test control plane, rate limits).
     */
    public static TestServer start(ServerConfig.Operability operability) {
        var config = config(QUOTAS, true, ServerConfig.Events.DEFAULT).withOperability(operability);
        return new TestServer(TestDatabases.postgresRequested() ? TestDatabases.onPostgres(config) : config);
    }

    /** A server of the suite publishing case events as {@code events} says, with these operability settings. */
    public static TestServer start(ServerConfig.Events events, ServerConfig.Operability operability) {
        var config = config(QUOTAS, true, events).withOperability(operability);
        return new TestServer(TestDatabases.postgresRequested() ? TestDatabases.onPostgres(config) : config);
    }

    /** A server with authentication off (--auth none), for raw HTTP tests of the wire protocol. */
    public static TestServer startWithoutAuthentication() {
        return new TestServer(QUOTAS, false, ServerConfig.Events.DEFAULT);
    }

    /** The server's merge job runner: tests pause it to hold a merge IN_PROGRESS. */
    public io.opencases.application.merge.MergeJobRunner mergeJobs() {
        return server.mergeJobs();
    }

    /** The server's cached domain configurations: tests watch configuration changes of other instances reach it. */
    public io.opencases.application.casesdomain.DomainConfigurations domainConfigurations() {
        return server.domainConfigurations();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A client of account A, the default caller of the suite. */
    public ConnectCasesClient client() {
        return client(ACCOUNT_A);
    }

    public ConnectCasesClient client(Credentials credentials) {
        return client(credentials.accessKeyId(), credentials.secretAccessKey(), REGION);
    }

    /** A client with any key and region, for the authentication tests. Retries are off so errors surface at once. */
    public ConnectCasesClient client(String accessKeyId, String secret, String region) {
        return ConnectCasesClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop(5_000);
    }
}
