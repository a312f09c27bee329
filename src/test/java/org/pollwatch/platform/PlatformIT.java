package org.pollwatch.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** OpenAPI, Swagger UI and health are served by the packaged (prod) application too. */
@QuarkusIntegrationTest
class PlatformIT extends PlatformTest {}
