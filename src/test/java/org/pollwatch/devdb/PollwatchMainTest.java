package org.pollwatch.devdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;

/** Which starts stop at once without a database URL: the packaged application, not dev mode. */
class PollwatchMainTest {

    @Test
    void thePackagedJarIsPackaged() throws Exception {
        assertTrue(PollwatchMain.packaged(source(Path.of("target/quarkus-app/app/pollwatch-1.0.0-SNAPSHOT.jar"))));
    }

    @Test
    void aNativeExecutableHasNoCodeSourceAndIsPackaged() {
        assertTrue(PollwatchMain.packaged(null));
    }

    @Test
    void devModeRunsFromTheClassesDirectoryAndFindsItsOwnDatabase() throws Exception {
        assertFalse(PollwatchMain.packaged(source(Path.of("target/classes/"))));
        // this test's own classes: a directory too, as in dev mode
        assertFalse(PollwatchMain.packaged(
                PollwatchMainTest.class.getProtectionDomain().getCodeSource()));
    }

    private static CodeSource source(Path path) throws Exception {
        URL url = path.toAbsolutePath().toUri().toURL();
        return new CodeSource(url, (Certificate[]) null);
    }
}
