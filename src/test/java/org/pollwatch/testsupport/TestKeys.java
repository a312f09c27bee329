package org.pollwatch.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * API keys of the test suite. Every rest-assured request sends the test bootstrap administrator key
 * ({@code %test.pollwatch.admin.bootstrap-key}) unless it says otherwise: {@code given().auth().none()}
 * sends no key, {@code given().auth().oauth2(key)} another one; every answer is checked against the API
 * document by {@link ContractFilter}. {@link #installDefault()} is run before
 * each test by {@link DefaultKeyCallback} and {@link DefaultKeyExtension}.
 */
public final class TestKeys {

    /** The bootstrap administrator key of the test profile (src/main/resources/application.properties). */
    public static final String ADMIN = "test-bootstrap-admin-key-for-the-test-suite-only";

    private TestKeys() {}

    /** Makes every request of this class loader's rest-assured send the administrator key by default. */
    public static void installDefault() {
        RestAssured.authentication = RestAssured.oauth2(ADMIN);
        if (!RestAssured.filters().contains(ContractFilter.INSTANCE)) {
            RestAssured.filters(ContractFilter.INSTANCE);
        }
    }

    /** Issues a key of the pollster (role pollster, both scopes) and returns {id, key}. */
    public static Issued pollsterKey(String pollster) {
        return issue(
                "{\"name\":\"test key of " + pollster + "\",\"role\":\"pollster\",\"pollster\":\"" + pollster + "\"}");
    }

    /** Issues a key from a KeyRequest JSON body. */
    public static Issued issue(String body) {
        var answer = given().contentType(ContentType.JSON)
                .body(body)
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Issued(answer.getLong("id"), answer.getString("key"));
    }

    /** An issued key: its id and the key itself. */
    public record Issued(long id, String key) {}
}
