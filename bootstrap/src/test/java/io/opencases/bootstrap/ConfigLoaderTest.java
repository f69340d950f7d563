package io.opencases.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flags, environment variables and the credentials file become one ServerConfig, or a clear error. */
class ConfigLoaderTest {

    @Test
    void defaultsGenerateAKeyPairForTheDefaultAccount() {
        ServerConfig config = ConfigLoader.load(new String[0], Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.storage()).isEqualTo(ServerConfig.Storage.EMBEDDED);
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accountId()).isEqualTo("000000000000");
        assertThat(config.authEnabled()).isTrue();
        assertThat(config.generatedCredentials()).isTrue();
        assertThat(config.credentials()).singleElement().satisfies(c -> {
            assertThat(c.accountId()).isEqualTo("000000000000");
            assertThat(c.accessKeyId()).hasSize(20);
            assertThat(c.secretAccessKey()).hasSize(40);
        });
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        ServerConfig config = ConfigLoader.load(new String[]{"--port", "9001", "--region=eu-west-1"},
                Map.of("OPENCASES_PORT", "9000", "OPENCASES_HOST", "0.0.0.0", "OPENCASES_REGION", "us-west-2"));

        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void keyPairFromTheEnvironmentBelongsToTheConfiguredAccount() {
        ServerConfig config = ConfigLoader.load(new String[0], Map.of("OPENCASES_ACCESS_KEY_ID", "AKIDX",
                "OPENCASES_SECRET_ACCESS_KEY", "s3cret", "OPENCASES_ACCOUNT_ID", "123456789012"));

        assertThat(config.generatedCredentials()).isFalse();
        assertThat(config.credentials()).singleElement().satisfies(c -> {
            assertThat(c.accessKeyId()).isEqualTo("AKIDX");
            assertThat(c.accountId()).isEqualTo("123456789012");
        });
    }

    @Test
    void credentialsFileDefinesSeveralAccounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, """
                # two teams
                [team-a]
                account_id = 111111111111
                aws_access_key_id = AKIDA
                aws_secret_access_key = secret-a

                [team-b]
                aws_access_key_id = AKIDB
                aws_secret_access_key = secret-b
                """);

        ServerConfig config = ConfigLoader.load(new String[]{"--credentials-file", file.toString()}, Map.of());

        assertThat(config.credentials()).extracting(c -> c.accessKeyId() + "@" + c.accountId())
                .containsExactly("AKIDA@111111111111", "AKIDB@000000000000");
    }

    @Test
    void authNoneNeedsNoKeys() {
        ServerConfig config = ConfigLoader.load(new String[]{"--auth", "none"}, Map.of());

        assertThat(config.authEnabled()).isFalse();
        assertThat(config.credentials()).isEmpty();
    }

    @Test
    void quotasAreConfigurable() {
        ServerConfig config = ConfigLoader.load(new String[]{"--quota-domains-per-account", "7"},
                Map.of("OPENCASES_QUOTA_FIELDS_PER_DOMAIN", "50"));

        assertThat(config.quotas().domainsPerAccount()).isEqualTo(7);
        assertThat(config.quotas().fieldsPerDomain()).isEqualTo(50);
        assertThat(config.quotas().layoutsPerDomain()).isEqualTo(100);
    }

    @Test
    void badConfigurationIsExplained(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--port", "http"}, Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--colour", "red"}, Map.of()))
                .hasMessageContaining("Unknown option --colour");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--storage", "cassandra"}, Map.of()))
                .hasMessageContaining("--storage");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--account-id", "12"}, Map.of()))
                .hasMessageContaining("12 digits");
        assertThatThrownBy(() -> ConfigLoader.load(new String[0], Map.of("OPENCASES_ACCESS_KEY_ID", "AKID")))
                .hasMessageContaining("together");
        Path broken = dir.resolve("broken");
        Files.writeString(broken, "[only]\naws_access_key_id = AKID\n");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--credentials-file", broken.toString()}, Map.of()))
                .hasMessageContaining("aws_secret_access_key");
    }

    @Test
    void eventSinksAndRetriesAreConfigurable() {
        ServerConfig config = ConfigLoader.load(new String[]{"--event-webhook-urls",
                "http://a.example/hook, https://b.example/in", "--event-webhook-secret", "s", "--event-max-attempts",
                "3", "--event-retry-initial-ms", "250"}, Map.of("OPENCASES_QUOTA_SLAS_PER_CASE", "2"));

        assertThat(config.events().webhookUrls()).extracting(Object::toString)
                .containsExactly("http://a.example/hook", "https://b.example/in");
        assertThat(config.events().delivery().maxAttempts()).isEqualTo(3);
        assertThat(config.events().delivery().initialBackoff()).hasMillis(250);
        assertThat(config.events().log()).isFalse();
        assertThat(config.quotas().slasPerCase()).isEqualTo(2);
        assertThat(ConfigLoader.load(new String[0], Map.of()).events().webhookUrls()).isEmpty();
    }

    @Test
    void webhooksNeedASecretAndHttpUrls() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--event-webhook-urls", "http://a.example"},
                Map.of())).hasMessageContaining("--event-webhook-secret");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--event-webhook-urls", "ftp://a.example",
                "--event-webhook-secret", "s"}, Map.of())).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--event-log", "maybe"}, Map.of()))
                .hasMessageContaining("--event-log");
    }

    @Test
    void durableStorageReusesTheKeyPairKeptInTheDataDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("credentials"), """
                [generated]
                account_id = 000000000000
                aws_access_key_id = AKIDKEPT
                aws_secret_access_key = kept-secret
                """);

        ServerConfig durable = ConfigLoader.load(new String[]{"--data-dir", dir.toString()}, Map.of());
        ServerConfig memory = ConfigLoader.load(new String[]{"--data-dir", dir.toString(), "--storage", "memory"},
                Map.of());

        assertThat(durable.generatedCredentials()).isFalse();
        assertThat(durable.credentials()).singleElement().satisfies(c -> {
            assertThat(c.accessKeyId()).isEqualTo("AKIDKEPT");
            assertThat(c.secretAccessKey()).isEqualTo("kept-secret");
        });
        assertThat(memory.generatedCredentials()).isTrue();
    }

    @Test
    void storageModesAndTheirSettings() {
        ServerConfig postgres = ConfigLoader.load(new String[]{"--storage", "postgres", "--jdbc-url",
                "jdbc:postgresql://db:5432/cases", "--db-user", "u", "--db-password", "p", "--db-pool-size", "8"},
                Map.of("OPENCASES_DATA_DIR", "/var/lib/opencases"));

        assertThat(postgres.storage()).isEqualTo(ServerConfig.Storage.POSTGRES);
        assertThat(postgres.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/cases");
        assertThat(postgres.database().user()).isEqualTo("u");
        assertThat(postgres.database().password()).isEqualTo("p");
        assertThat(postgres.database().poolSize()).isEqualTo(8);
        assertThat(postgres.database().indexDir()).isEqualTo(java.nio.file.Path.of("/var/lib/opencases/index"));
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--storage", "postgres"}, Map.of()))
                .hasMessageContaining("--jdbc-url");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--jdbc-url", "jdbc:postgresql://db/x"}, Map.of()))
                .hasMessageContaining("only used with --storage postgres");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--storage", "postgres", "--jdbc-url",
                "jdbc:mysql://db/x"}, Map.of())).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--rebuild-index", "yes"}, Map.of()))
                .hasMessageContaining("--rebuild-index");
    }

    @Test
    void operabilityDefaultsAndFlags() {
        var defaults = ConfigLoader.load(new String[]{"--storage", "memory"}, Map.of()).operability();
        assertThat(defaults).isEqualTo(ServerConfig.Operability.DEFAULT);
        assertThat(defaults.metrics()).isTrue();
        assertThat(defaults.testApi()).isFalse();
        assertThat(defaults.rateLimits()).isEqualTo(ServerConfig.RateLimits.NONE);
        assertThat(defaults.logFormat()).isEqualTo(ServerConfig.LogFormat.TEXT);

        var set = ConfigLoader.load(new String[]{"--storage", "memory", "--metrics", "false", "--log-format", "json",
                "--test-api", "true", "--rate-limits", "aws"}, Map.of()).operability();
        assertThat(set).isEqualTo(new ServerConfig.Operability(false, ServerConfig.LogFormat.JSON, true,
                ServerConfig.RateLimits.AWS));
        assertThat(ConfigLoader.load(new String[]{"--storage", "memory"}, Map.of("OPENCASES_TEST_API", "true"))
                .operability().testApi()).isTrue();
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--log-format", "xml"}, Map.of()))
                .hasMessageContaining("--log-format");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--rate-limits", "fast"}, Map.of()))
                .hasMessageContaining("--rate-limits");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--metrics", "maybe"}, Map.of()))
                .hasMessageContaining("--metrics");
    }

    @Test
    void theTestApiWithoutAuthIsRefusedOffLoopback() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--storage", "memory", "--test-api", "true",
                "--auth", "none", "--host", "0.0.0.0"}, Map.of())).hasMessageContaining("--test-api")
                .hasMessageContaining("non-loopback");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--storage", "memory", "--test-api", "true",
                "--auth", "none", "--host", "db.example.com"}, Map.of())).hasMessageContaining("non-loopback");
        for (String loopback : new String[]{"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThat(ConfigLoader.load(new String[]{"--storage", "memory", "--test-api", "true", "--auth", "none",
                    "--host", loopback}, Map.of()).operability().testApi()).as(loopback).isTrue();
        }
        // Signed requests may come from anywhere.
        assertThat(ConfigLoader.load(new String[]{"--storage", "memory", "--test-api", "true", "--host", "0.0.0.0"},
                Map.of()).operability().testApi()).isTrue();
    }

    @Test
    void theWorkspaceIsOnByDefaultAndItsFirstAdminPasswordIsConfigurable() {
        assertThat(ConfigLoader.load(new String[0], Map.of()).workspace())
                .isEqualTo(new ServerConfig.Workspace(true, null));

        ServerConfig config = ConfigLoader.load(new String[]{"--workspace", "false"},
                Map.of("OPENCASES_ADMIN_PASSWORD", "long-enough-1", "OPENCASES_WORKSPACE", "true"));

        assertThat(config.workspace()).isEqualTo(new ServerConfig.Workspace(false, "long-enough-1"));
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--workspace", "maybe"}, Map.of()))
                .hasMessageContaining("--workspace");
        assertThatThrownBy(() -> ConfigLoader.load(new String[]{"--admin-password", "short"}, Map.of()))
                .hasMessageContaining("--admin-password");
        assertThat(ConfigLoader.generatePassword()).hasSize(20).matches("[A-Za-z2-9]+");
    }
}
