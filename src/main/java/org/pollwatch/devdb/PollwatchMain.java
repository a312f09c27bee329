package org.pollwatch.devdb;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.security.CodeSource;
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
        if (packaged(PollwatchMain.class.getProtectionDomain().getCodeSource())
                && ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                        .isEmpty()) {
            System.err.println(NO_URL);
            System.exit(2);
        }
        Quarkus.run(args);
    }

    /**
     * Whether this is the packaged application (a jar, or a native executable, which has no code
     * source) rather than dev mode, which runs from the classes directory and finds its database
     * itself. The launch mode cannot tell: before {@code Quarkus.run} it is NORMAL in dev mode too,
     * and the configuration has only the prod profile.
     */
    static boolean packaged(CodeSource source) {
        if (source == null || source.getLocation() == null) {
            return true;
        }
        return source.getLocation().getPath().endsWith(".jar");
    }
}
