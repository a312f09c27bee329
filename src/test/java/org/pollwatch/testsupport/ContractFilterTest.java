package org.pollwatch.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check finds each kind of drift, on a small hand-written document. */
class ContractFilterTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/things/{id}": {"get": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
               "/things/{id}.csv": {"get": {"responses": {"200": {"content": {"text/csv; charset=UTF-8": {}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id", "name"],
               "properties": {"id": {"type": "integer"}, "name": {"type": ["string", "null"]}}}}}}
            """;

    @Test
    void aMatchingAnswerPasses() {
        assertEquals(List.of(), check("/things/1", 200, "application/json", "{\"id\": 1, \"name\": null}"));
        assertEquals(List.of(), check("/things/1.csv", 200, "text/csv;charset=UTF-8", "id\n1\n"));
        assertEquals(List.of(), check("/elsewhere", 500, "text/plain", "not in the document"));
    }

    @Test
    void eachDriftIsReported() {
        assertViolation(check("/things/1", 200, "application/json", "{\"id\": null, \"name\": \"x\"}"), "/id");
        assertViolation(check("/things/1", 200, "application/json", "{\"id\": 1}"), "name");
        assertViolation(check("/things/1", 500, "application/problem+json", "{}"), "status 500 is not documented");
        assertViolation(check("/things/1", 404, "application/json", "{}"), "answered application/json");
    }

    private static void assertViolation(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), () -> expected + " not in " + violations);
    }

    private static List<String> check(String path, int status, String contentType, String body) {
        Response response = new ResponseBuilder()
                .setStatusCode(status)
                .setContentType(contentType)
                .setBody(body)
                .build();
        return ContractFilter.violations(DOCUMENT, "GET", path, response);
    }
}
