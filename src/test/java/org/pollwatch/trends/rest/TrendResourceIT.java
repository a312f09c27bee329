package org.pollwatch.trends.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The trend API tests again, against the packaged application. */
@QuarkusIntegrationTest
class TrendResourceIT extends TrendResourceTest {}
