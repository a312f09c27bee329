package org.pollwatch.problems;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API document gives every error response of every operation the problem body. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyErrorResponseIsDocumentedAsAProblem() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        List<String> undocumented = new ArrayList<>();
        int errors = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                Object responses = operation.getValue().get("responses");
                if (!(responses instanceof Map<?, ?> byStatus)) {
                    continue;
                }
                for (var response : ((Map<String, Map<String, Object>>) byStatus).entrySet()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        errors++;
                        Map<String, Object> content =
                                (Map<String, Object>) response.getValue().get("content");
                        if (content == null || !content.containsKey(Problem.MEDIA_TYPE)) {
                            undocumented.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        }
                    }
                }
            }
        }
        assertTrue(errors > 20, "the document lists the error responses (" + errors + ")");
        assertEquals(List.of(), undocumented);
    }
}
