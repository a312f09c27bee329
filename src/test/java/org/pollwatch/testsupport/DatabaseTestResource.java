package org.pollwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestDatabase} for every @QuarkusTest and @QuarkusIntegrationTest. */
@QuarkusTestResource(PostgresTestDatabase.class)
public class DatabaseTestResource {}
