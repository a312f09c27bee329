package org.pollwatch.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Before each {@code @QuarkusTest} method, in the class loader the test runs in: the default key. */
public class DefaultKeyCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        TestKeys.installDefault();
    }
}
