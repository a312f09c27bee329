package org.pollwatch.devdb;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the service; the packaged application without a database URL stops at once with one line
 * that says what to set, instead of the stack trace of every component that needed the database.
 */
@QuarkusMain
public class PollwatchMain {

    static final String NO_URL = "Pollwatch needs a PostgreSQL database: set QUARKUS_DATASOURCE_JDBC_URL"
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/pollwatch) and, if needed, QUARKUS_DATASOURCE_USERNAME and"
            + " QUARKUS_DATASOURCE_PASSWORD; see README, \"How the database is found\".";

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                        .isEmpty()) {
            System.err.println(NO_URL);
            System.exit(2);
        }
        Quarkus.run(args);
    }
}
