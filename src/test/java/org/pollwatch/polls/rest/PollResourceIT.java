package org.pollwatch.polls.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The poll API tests again, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class PollResourceIT extends PollResourceTest {}
