package org.pollwatch.devdb;

import java.nio.file.Path;

/** Run as its own process by LocalDatabaseTest: starts the embedded server on a folder and waits to be killed. */
public final class EmbeddedDatabaseHolder {

    private EmbeddedDatabaseHolder() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), "pollwatch");
        System.out.println("READY " + database.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
