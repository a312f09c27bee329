package org.pollwatch.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (META-INF/services; Quarkus turns on JUnit extension autodetection): the default key for
 * tests outside Quarkus' class loader, such as the {@code @QuarkusIntegrationTest} ones.
 */
public class DefaultKeyExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestKeys.installDefault();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestKeys.installDefault();
    }
}
