package io.opencases.bootstrap;

import io.opencases.application.Quotas;
import io.opencases.rest.auth.Credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns command-line flags and environment variables into a {@link ServerConfig}. Every option has both; a flag
 * wins over its variable. Bad configuration is a {@link ConfigException} with a message for the operator.
 */
public final class ConfigLoader {
    /** Flag name → environment variable. */
    static final Map<String, String> OPTIONS = options();
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    private ConfigLoader() {
    }

    private static Map<String, String> options() {
        var options = new LinkedHashMap<String, String>();
        options.put("host", "OPENCASES_HOST");
        options.put("port", "OPENCASES_PORT");
        options.put("storage", "OPENCASES_STORAGE");
        options.put("data-dir", "OPENCASES_DATA_DIR");
        options.put("jdbc-url", "OPENCASES_JDBC_URL");
        options.put("db-user", "OPENCASES_DB_USER");
        options.put("db-password", "OPENCASES_DB_PASSWORD");
        options.put("db-pool-size", "OPENCASES_DB_POOL_SIZE");
        options.put("rebuild-index", "OPENCASES_REBUILD_INDEX");
        options.put("region", "OPENCASES_REGION");
        options.put("account-id", "OPENCASES_ACCOUNT_ID");
        options.put("access-key-id", "OPENCASES_ACCESS_KEY_ID");
        options.put("secret-access-key", "OPENCASES_SECRET_ACCESS_KEY");
        options.put("credentials-file", "OPENCASES_CREDENTIALS_FILE");
        options.put("auth", "OPENCASES_AUTH");
        options.put("quota-domains-per-account", "OPENCASES_QUOTA_DOMAINS_PER_ACCOUNT");
        options.put("quota-fields-per-domain", "OPENCASES_QUOTA_FIELDS_PER_DOMAIN");
        options.put("quota-options-per-field", "OPENCASES_QUOTA_OPTIONS_PER_FIELD");
        options.put("quota-layouts-per-domain", "OPENCASES_QUOTA_LAYOUTS_PER_DOMAIN");
        options.put("quota-templates-per-domain", "OPENCASES_QUOTA_TEMPLATES_PER_DOMAIN");
        options.put("quota-case-rules-per-domain", "OPENCASES_QUOTA_CASE_RULES_PER_DOMAIN");
        options.put("quota-fields-per-layout", "OPENCASES_QUOTA_FIELDS_PER_LAYOUT");
        options.put("quota-related-items-per-case", "OPENCASES_QUOTA_RELATED_ITEMS_PER_CASE");
        options.put("quota-files-per-case", "OPENCASES_QUOTA_FILES_PER_CASE");
        options.put("quota-slas-per-case", "OPENCASES_QUOTA_SLAS_PER_CASE");
        options.put("quota-fields-per-custom-item", "OPENCASES_QUOTA_FIELDS_PER_CUSTOM_ITEM");
        options.put("event-log", "OPENCASES_EVENT_LOG");
        options.put("event-webhook-urls", "OPENCASES_EVENT_WEBHOOK_URLS");
        options.put("event-webhook-secret", "OPENCASES_EVENT_WEBHOOK_SECRET");
        options.put("event-max-attempts", "OPENCASES_EVENT_MAX_ATTEMPTS");
        options.put("event-retry-initial-ms", "OPENCASES_EVENT_RETRY_INITIAL_MS");
        // Issue 13: operability.
        options.put("metrics", "OPENCASES_METRICS");
        options.put("log-format", "OPENCASES_LOG_FORMAT");
        options.put("test-api", "OPENCASES_TEST_API");
        options.put("rate-limits", "OPENCASES_RATE_LIMITS");
        // The agent workspace (issue 12).
        options.put("workspace", "OPENCASES_WORKSPACE");
        options.put("admin-password", "OPENCASES_ADMIN_PASSWORD");
        return Map.copyOf(options);
    }

    public static ServerConfig load(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        OPTIONS.forEach((flag, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(flag, value.trim());
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new ConfigException("Unexpected argument '" + arg + "'.");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException("Option --" + name + " needs a value.");
            }
            if (!OPTIONS.containsKey(name)) {
                throw new ConfigException("Unknown option --" + name + ". Options: --"
                        + String.join(", --", OPTIONS.keySet()) + ".");
            }
            values.put(name, value);
        }
        return build(values);
    }

    private static ServerConfig build(Map<String, String> values) {
        String host = values.getOrDefault("host", "127.0.0.1");
        int port = intOption(values, "port", 8080, 0, 65535);
        ServerConfig.Storage storage = switch (values.getOrDefault("storage", "embedded").toLowerCase(Locale.ROOT)) {
            case "memory" -> ServerConfig.Storage.MEMORY;
            case "embedded" -> ServerConfig.Storage.EMBEDDED;
            case "postgres" -> ServerConfig.Storage.POSTGRES;
            default -> throw new ConfigException("--storage must be 'embedded', 'postgres' or 'memory' (got '"
                    + values.get("storage") + "').");
        };
        ServerConfig.Database database = database(values, storage);
        String region = values.getOrDefault("region", "us-east-1");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new ConfigException("--region '" + region + "' is not an AWS region name like us-east-1.");
        }
        String accountId = values.getOrDefault("account-id", "000000000000");
        requireAccountId(accountId, "--account-id");
        String auth = values.getOrDefault("auth", "sigv4").toLowerCase(Locale.ROOT);
        if (!auth.equals("sigv4") && !auth.equals("none")) {
            throw new ConfigException("--auth must be 'sigv4' or 'none' (got '" + auth + "').");
        }
        Quotas d = Quotas.AWS_DEFAULTS;
        Quotas quotas = new Quotas(
                intOption(values, "quota-domains-per-account", d.domainsPerAccount(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-fields-per-domain", d.fieldsPerDomain(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-options-per-field", d.optionsPerField(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-layouts-per-domain", d.layoutsPerDomain(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-templates-per-domain", d.templatesPerDomain(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-case-rules-per-domain", d.caseRulesPerDomain(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-fields-per-layout", d.fieldsPerLayout(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-related-items-per-case", d.relatedItemsPerCase(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-files-per-case", d.filesPerCase(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-slas-per-case", d.slasPerCase(), 1, Integer.MAX_VALUE),
                intOption(values, "quota-fields-per-custom-item", d.fieldsPerCustomItem(), 1, Integer.MAX_VALUE));

        var credentials = new ArrayList<Credentials>();
        String keyId = values.get("access-key-id");
        String secret = values.get("secret-access-key");
        if ((keyId == null) != (secret == null)) {
            throw new ConfigException("OPENCASES_ACCESS_KEY_ID and OPENCASES_SECRET_ACCESS_KEY must be set together.");
        }
        if (keyId != null) {
            credentials.add(new Credentials(keyId, secret, accountId));
        }
        if (values.containsKey("credentials-file")) {
            credentials.addAll(readCredentialsFile(Path.of(values.get("credentials-file")), accountId));
        }
        boolean generated = false;
        Path kept = database.dataDir().resolve(GENERATED_CREDENTIALS);
        if (auth.equals("sigv4") && credentials.isEmpty() && storage != ServerConfig.Storage.MEMORY
                && Files.exists(kept)) {
            // Durable storage keeps the key pair generated at its first start, so clients keep working.
            credentials.addAll(readCredentialsFile(kept, accountId));
        }
        if (auth.equals("sigv4") && credentials.isEmpty()) {
            credentials.add(new Credentials(generateKeyId(), generateSecret(), accountId));
            generated = true;
        }
        long distinct = credentials.stream().map(Credentials::accessKeyId).distinct().count();
        if (distinct != credentials.size()) {
            throw new ConfigException("The same access key id is configured more than once.");
        }
        return new ServerConfig(host, port, storage, region, accountId, auth.equals("sigv4"), credentials,
                generated, quotas, events(values), database, operability(values, host, auth.equals("sigv4")),
                workspace(values));
    }

    private static ServerConfig.Operability operability(Map<String, String> values, String host, boolean auth) {
        boolean metrics = booleanOption(values, "metrics", true);
        boolean testApi = booleanOption(values, "test-api", false);
        String format = values.getOrDefault("log-format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigException("--log-format must be 'text' or 'json' (got '" + format + "').");
        }
        String limits = values.getOrDefault("rate-limits", "none").toLowerCase(Locale.ROOT);
        if (!limits.equals("none") && !limits.equals("aws")) {
            throw new ConfigException("--rate-limits must be 'none' or 'aws' (got '" + limits + "').");
        }
        if (testApi && !auth && !isLoopback(host)) {
            // Anyone who can reach the port could wipe the data: only with signatures, or on this machine alone.
            throw new ConfigException("--test-api true with --auth none is refused on a non-loopback address ("
                    + host + "): bind --host 127.0.0.1, or sign requests (--auth sigv4).");
        }
        return new ServerConfig.Operability(metrics,
                format.equals("json") ? ServerConfig.LogFormat.JSON : ServerConfig.LogFormat.TEXT, testApi,
                limits.equals("aws") ? ServerConfig.RateLimits.AWS : ServerConfig.RateLimits.NONE);
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: a name is not resolved, so anything but a loopback literal is refused.
            if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
                return false;
            }
            return java.net.InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean booleanOption(Map<String, String> values, String name, boolean defaultValue) {
        String value = values.getOrDefault(name, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException("--" + name + " must be 'true' or 'false' (got '" + value + "').");
        }
        return value.equals("true");
    }

    private static ServerConfig.Workspace workspace(Map<String, String> values) {
        String enabled = values.getOrDefault("workspace", "true").toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigException("--workspace must be 'true' or 'false' (got '" + enabled + "').");
        }
        String password = values.get("admin-password");
        if (password != null && (password.length() < 8 || password.length() > 72)) {
            throw new ConfigException("--admin-password must have 8 to 72 characters.");
        }
        return new ServerConfig.Workspace(enabled.equals("true"), password);
    }

    /** Where durable storage keeps a generated key pair, in the credentials-file format. */
    static final String GENERATED_CREDENTIALS = "credentials";

    private static ServerConfig.Database database(Map<String, String> values, ServerConfig.Storage storage) {
        String jdbcUrl = values.get("jdbc-url");
        if (storage == ServerConfig.Storage.POSTGRES && jdbcUrl == null) {
            throw new ConfigException("--storage postgres needs --jdbc-url (OPENCASES_JDBC_URL), e.g. "
                    + "jdbc:postgresql://localhost:5432/opencases.");
        }
        if (jdbcUrl != null && storage != ServerConfig.Storage.POSTGRES) {
            throw new ConfigException("--jdbc-url is only used with --storage postgres.");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("--jdbc-url must start with jdbc:postgresql: (got '" + jdbcUrl + "').");
        }
        String rebuild = values.getOrDefault("rebuild-index", "false").toLowerCase(Locale.ROOT);
        if (!rebuild.equals("true") && !rebuild.equals("false")) {
            throw new ConfigException("--rebuild-index must be 'true' or 'false' (got '" + rebuild + "').");
        }
        return new ServerConfig.Database(jdbcUrl, values.get("db-user"), values.get("db-password"),
                Path.of(values.getOrDefault("data-dir", "data")),
                intOption(values, "db-pool-size", 16, 1, 1_000), rebuild.equals("true"));
    }

    private static ServerConfig.Events events(Map<String, String> values) {
        var urls = new ArrayList<java.net.URI>();
        for (String url : values.getOrDefault("event-webhook-urls", "").split(",")) {
            if (url.isBlank()) {
                continue;
            }
            try {
                var uri = new java.net.URI(url.strip());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new java.net.URISyntaxException(url, "not http(s)");
                }
                urls.add(uri);
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("--event-webhook-urls: '" + url.strip() + "' is not an http(s) URL.");
            }
        }
        String secret = values.get("event-webhook-secret");
        if (!urls.isEmpty() && (secret == null || secret.isEmpty())) {
            throw new ConfigException("--event-webhook-secret is required with --event-webhook-urls: receivers "
                    + "check the HMAC-SHA256 signature made with it.");
        }
        String log = values.getOrDefault("event-log", "false").toLowerCase(Locale.ROOT);
        if (!log.equals("true") && !log.equals("false")) {
            throw new ConfigException("--event-log must be true or false (got '" + log + "').");
        }
        var defaults = io.opencases.application.event.DeliveryPolicy.DEFAULT;
        int attempts = intOption(values, "event-max-attempts", defaults.maxAttempts(), 1, 1000);
        int initialMs = intOption(values, "event-retry-initial-ms", (int) defaults.initialBackoff().toMillis(), 1,
                3_600_000);
        var initial = java.time.Duration.ofMillis(initialMs);
        var max = initial.compareTo(defaults.maxBackoff()) > 0 ? initial : defaults.maxBackoff();
        return new ServerConfig.Events(log.equals("true"), urls, secret,
                new io.opencases.application.event.DeliveryPolicy(attempts, initial, max));
    }

    /**
     * Reads an AWS-style INI file: one section per key pair with {@code aws_access_key_id},
     * {@code aws_secret_access_key} and optionally {@code account_id} (default: the server's account).
     */
    static List<Credentials> readCredentialsFile(Path file, String defaultAccountId) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read credentials file " + file + ": " + e.getMessage());
        }
        var sections = new LinkedHashMap<String, Map<String, String>>();
        Map<String, String> current = null;
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new HashMap<>();
                sections.put(line.substring(1, line.length() - 1).strip(), current);
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 0) {
                throw new ConfigException(file + ":" + number + ": expected '[section]' or 'key = value'.");
            }
            current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        var result = new ArrayList<Credentials>();
        sections.forEach((name, entries) -> {
            String keyId = entries.get("aws_access_key_id");
            String secret = entries.get("aws_secret_access_key");
            if (keyId == null || secret == null || keyId.isEmpty() || secret.isEmpty()) {
                throw new ConfigException(file + ": section [" + name
                        + "] needs aws_access_key_id and aws_secret_access_key.");
            }
            String account = entries.getOrDefault("account_id", defaultAccountId);
            requireAccountId(account, file + ": section [" + name + "] account_id");
            result.add(new Credentials(keyId, secret, account));
        });
        if (result.isEmpty()) {
            throw new ConfigException("Credentials file " + file + " defines no key pair.");
        }
        return result;
    }

    private static void requireAccountId(String accountId, String where) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new ConfigException(where + " must be 12 digits (got '" + accountId + "').");
        }
    }

    private static int intOption(Map<String, String> values, String name, int defaultValue, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + name + " must be a whole number from " + min + " to " + max
                    + " (got '" + value + "').");
        }
    }

    /** A random password for the first admin agent: 20 letters and digits. */
    static String generatePassword() {
        return randomString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
    }

    private static String generateKeyId() {
        return "OC" + randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 18);
    }

    private static String generateSecret() {
        return randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
    }

    private static String randomString(String alphabet, int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
