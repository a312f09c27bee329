package org.pollwatch.imports.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Import of FiveThirtyEight's polls and the fit of our average to theirs, on the packaged application. */
@QuarkusIntegrationTest
class FiveThirtyEightValidationApiIT extends FiveThirtyEightValidationApiTest {}
