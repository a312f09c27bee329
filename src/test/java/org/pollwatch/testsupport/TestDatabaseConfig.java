package org.pollwatch.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Map<String, String>} field of a test: {@link PostgresTestDatabase} puts there the
 * configuration it gave the application (datasource, key secret, bootstrap key), so that a test can
 * start another instance on the same database.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TestDatabaseConfig {}
