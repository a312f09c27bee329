package org.pollwatch.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.datasource.jdbc.url} when none is configured, in dev mode or when
 * {@code pollwatch.local-database.enabled=true}. A configured URL (property, environment or profile)
 * always wins, and tests never come here: they configure their own database.
 */
public class LocalDatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below system properties (400) and environment (300). */
    private static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean dev = context.getProfiles().contains("dev");
        boolean asked = Boolean.parseBoolean(value(context, "pollwatch.local-database.enabled", "false"));
        if ((!dev && !asked) || context.getProfiles().contains("test")) {
            return List.of();
        }
        if (value(context, "quarkus.datasource.jdbc.url", null) != null) {
            return List.of();
        }
        LocalDatabase.Settings settings = new LocalDatabase.Settings(
                value(context, "pollwatch.local-database.host", "127.0.0.1"),
                Integer.parseInt(value(context, "pollwatch.local-database.port", "5432")),
                value(context, "pollwatch.local-database.name", "pollwatch"),
                value(context, "quarkus.datasource.username", "postgres"),
                value(context, "quarkus.datasource.password", "postgres"),
                Path.of(value(context, "pollwatch.local-database.data-dir", ".pollwatch/pgdata")));
        LocalDatabase.Target target;
        try {
            target = LocalDatabase.resolve(settings);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "No datasource URL is configured and this build does not include the "
                            + "embedded PostgreSQL: set QUARKUS_DATASOURCE_JDBC_URL, or run ./mvnw quarkus:dev",
                    e);
        }
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource.jdbc.url",
                        target.url(),
                        "quarkus.datasource.username",
                        target.user(),
                        "quarkus.datasource.password",
                        target.password()),
                "pollwatch-local-database",
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
