package org.pollwatch.polls.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Bad input is refused the same way by the packaged application. */
@QuarkusIntegrationTest
class PollValidationIT extends PollValidationTest {}
