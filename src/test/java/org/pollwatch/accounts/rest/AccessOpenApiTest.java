package org.pollwatch.accounts.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API document declares the bearer scheme, and every write operation needs it and documents 401/403. */
@QuarkusTest
class AccessOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyWriteDeclaresTheBearerSchemeAnd401And403() {
        Map<String, Object> document = given().auth()
                .none()
                .queryParam("format", "json")
                .get("/q/openapi")
                .jsonPath()
                .getMap("$");
        Map<String, Object> scheme = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("securitySchemes"))
                        .get("bearer");
        assertEquals("http", scheme.get("type"));
        assertEquals("bearer", scheme.get("scheme"));
        List<String> writes = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths"))
                .forEach((path, item) -> item.forEach((method, op) -> {
                    if (!List.of("post", "put", "delete", "patch").contains(method)) {
                        return;
                    }
                    writes.add(method + " " + path);
                    Map<String, Object> operation = (Map<String, Object>) op;
                    List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
                    assertTrue(
                            security != null && security.stream().anyMatch(s -> s.containsKey("bearer")),
                            method + " " + path + " declares the bearer scheme");
                    Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                    assertTrue(responses.containsKey("401"), method + " " + path + " documents 401");
                    assertTrue(responses.containsKey("403"), method + " " + path + " documents 403");
                    Map<String, Object> tooMany = (Map<String, Object>) responses.get("429");
                    assertTrue(
                            tooMany != null
                                    && ((Map<String, Object>) tooMany.get("headers")).containsKey("Retry-After"),
                            method + " " + path + " documents 429 with Retry-After");
                }));
        // every operation that takes a key, reads of the administration included, documents its 401 problem
        List<String> keyed = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths"))
                .forEach((path, item) -> item.forEach((method, op) -> {
                    Map<String, Object> operation = (Map<String, Object>) op;
                    List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
                    if (security == null || security.stream().noneMatch(s -> s.containsKey("bearer"))) {
                        return;
                    }
                    keyed.add(method + " " + path);
                    Map<String, Object> unauthorized =
                            (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get("401");
                    assertTrue(
                            unauthorized != null
                                    && ((Map<String, Object>) unauthorized.get("content"))
                                            .containsKey("application/problem+json"),
                            method + " " + path + " documents a 401 problem");
                }));
        assertTrue(keyed.contains("get /admin/audit") && keyed.contains("get /admin/keys"), "keyed: " + keyed);
        assertTrue(writes.contains("post /polls")
                && writes.contains("put /polls/{id}")
                && writes.contains("delete /polls/{id}"));
        assertTrue(writes.size() >= 9, "writes found: " + writes);
    }
}
