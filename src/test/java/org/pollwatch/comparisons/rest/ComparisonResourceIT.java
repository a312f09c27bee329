package org.pollwatch.comparisons.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The comparison API tests again, against the packaged application. */
@QuarkusIntegrationTest
class ComparisonResourceIT extends ComparisonResourceTest {}
