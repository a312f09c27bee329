package org.pollwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.pollwatch.devdb.LocalDatabase;

/**
 * Points the tests at a real PostgreSQL: POLLWATCH_TEST_DB_URL if set; else a database "pollwatch_test"
 * on the server at 127.0.0.1:5432, created if absent; else (no server, or it refuses the credentials)
 * an embedded PostgreSQL with its data under target/. No Docker, so no Dev Services.
 * Flyway then builds a clean schema.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> config = Map.of();

    @Override
    public Map<String, String> start() {
        String user = env("POLLWATCH_DB_USER", "postgres");
        String password = env("POLLWATCH_DB_PASSWORD", "postgres");
        String url = env("POLLWATCH_TEST_DB_URL", null);
        if (url != null) {
            createDatabaseIfAbsent(url, user, password);
        } else {
            LocalDatabase.Target target = LocalDatabase.resolve(new LocalDatabase.Settings(
                    "127.0.0.1", 5432, "pollwatch_test", user, password, Path.of("target", "test-pgdata")));
            url = target.url();
            user = target.user();
            password = target.password();
        }
        config = Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", url),
                Map.entry("quarkus.datasource.username", user),
                Map.entry("quarkus.datasource.password", password),
                // every test run starts from an empty schema, built by the migrations
                Map.entry("quarkus.flyway.clean-at-start", "true"),
                Map.entry("quarkus.flyway.clean-disabled", "false"),
                // the packaged app of the integration tests runs the prod profile, which needs both
                Map.entry("pollwatch.keys.secret", "integration-test-hmac-secret-not-for-production-use"),
                Map.entry("pollwatch.admin.bootstrap-key", TestKeys.ADMIN),
                // and has the production rate limits, which a whole suite from one address and one key
                // passes within a minute on a fast machine (the %test profile lifts them the same way)
                Map.entry("pollwatch.rate-limits.writes-per-key", "1000000"),
                Map.entry("pollwatch.rate-limits.writes-per-address", "1000000"),
                Map.entry("pollwatch.rate-limits.imports-per-key", "1000000"),
                Map.entry("pollwatch.rate-limits.expensive-reads-per-address", "1000000"));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                config, new TestInjector.AnnotatedAndMatchesType(TestDatabaseConfig.class, Map.class));
    }

    @Override
    public void stop() {}

    private static void createDatabaseIfAbsent(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        String serverUrl = url.substring(0, slash) + "/postgres";
        if (!LocalDatabase.createDatabaseIfAbsent(serverUrl, database, user, password)) {
            throw new IllegalStateException("Tests need PostgreSQL at " + serverUrl
                    + " (check POLLWATCH_TEST_DB_URL, POLLWATCH_DB_USER, POLLWATCH_DB_PASSWORD)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
