package org.pollwatch.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests over every operation of the served OpenAPI document, generated with jqwik:
 * hostile path and query values (NUL, huge numbers, NaN, far dates, injection strings, invalid
 * UTF-8, 1 MB strings), random JSON shapes with wrong types, duplicate keys, 10,000-deep nesting
 * and invalid bytes, wrong methods and media types. No answer may be a 5xx, every 4xx must be a
 * problem, and the database must be unchanged unless a request was accepted.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final int REQUESTS_PER_OPERATION = 150;
    private static final List<String> TABLES =
            List.of("pollster", "poll", "question", "option_result", "subgroup_result", "poll_revision", "series");

    @Inject
    AgroalDataSource dataSource;

    private static final Arbitrary<String> HOSTILE_TEXT = Arbitraries.oneOf(
            Arbitraries.of(
                    "\u0000",
                    "a\u0000b",
                    "1e999999999",
                    "1e100000000",
                    "-1",
                    "NaN",
                    "Infinity",
                    "-0",
                    "99999999999999999999999999",
                    "2147483648",
                    "-9223372036854775809",
                    "+999999999-12-31",
                    "-999999999-01-01",
                    "0000-01-01",
                    "9999-12-31",
                    "2024-02-30",
                    "' or 1=1 --",
                    "'; drop table poll; --",
                    "<script>alert(1)</script>",
                    "../../../etc/passwd",
                    "%00",
                    "%",
                    "\uD800",
                    "\u202E\uFEFF",
                    ",,,",
                    "",
                    " ",
                    "true",
                    "null",
                    "{}",
                    "[]",
                    "adults,\u0000",
                    "weighted_average\u0000"),
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3000).ofMaxLength(6000));

    private static final Arbitrary<String> JSON_VALUE = Arbitraries.oneOf(
            Arbitraries.of(
                    "null",
                    "true",
                    "false",
                    "0",
                    "-1",
                    "1e999999999",
                    "123456789012345678901234567890",
                    "\"NaN\"",
                    "NaN",
                    "\"\\u0000\"",
                    "\"+999999999-12-31\"",
                    "2147483648",
                    "\"1000\"",
                    "[]",
                    "{}",
                    "[null]",
                    "\"\\ud800\"",
                    "\"' or 1=1 --\"",
                    "-0.0000000001",
                    "1.5e308"),
            HOSTILE_TEXT.map(OpenApiFuzzTest::jsonString));

    @Test
    void hostileRequestsNeverBreakTheService() throws Exception {
        Map<String, Object> document = given().queryParam("format", "json")
                .get("/q/openapi")
                .jsonPath()
                .getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            // an event stream never ends, so it has no answer to judge; LiveEventsTest covers its bad parameters
            if (List.of("get", "post", "put", "delete", "patch", "head").contains(method)
                    && !String.valueOf(op).contains("text/event-stream")) {
                operations.add(Operation.of(path, method, op));
            }
        }));
        assertTrue(operations.size() >= 15, "operations found: " + operations.size());

        Map<String, Long> before = counts();
        Random random = new Random(20261202L);
        int sent = 0;
        int acceptedWrites = 0;
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            List<Map<String, String>> queries = Arbitraries.maps(
                            Arbitraries.oneOf(
                                    Arbitraries.of(operation.queryParameters()), Arbitraries.of("x", "\u0000")),
                            HOSTILE_TEXT.map(v -> v.length() > 2000 ? v.substring(0, 2000) : v))
                    .ofMaxSize(4)
                    .sampleStream()
                    .limit(REQUESTS_PER_OPERATION)
                    .toList();
            List<String> bodies =
                    body(operation).sampleStream().limit(REQUESTS_PER_OPERATION).toList();
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                String method =
                        random.nextInt(10) == 0 ? pick(random, "PATCH", "DELETE", "PUT", "POST") : operation.method();
                String path = operation.concretePath(HOSTILE_TEXT.sample(), random);
                StringBuilder uri = new StringBuilder(path);
                char separator = '?';
                for (Map.Entry<String, String> q : queries.get(i).entrySet()) {
                    uri.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                    separator = '&';
                }
                if (random.nextInt(20) == 0) {
                    uri.append(separator).append("q=%C3%28"); // invalid UTF-8
                }
                RequestSpecification request = given().urlEncodingEnabled(false)
                        .config(RestAssuredConfig.config()
                                .encoderConfig(EncoderConfig.encoderConfig()
                                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    byte[] bytes = bodies.get(i).getBytes(StandardCharsets.UTF_8);
                    if (random.nextInt(15) == 0) {
                        bytes = new byte[] {'{', '"', 's', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
                    }
                    request = request.contentType(pick(
                                    random,
                                    operation.mediaType(),
                                    operation.mediaType(),
                                    operation.mediaType(),
                                    "text/plain",
                                    "application/xml",
                                    "application/json; charset=iso-8859-1"))
                            .body(bytes);
                }
                if (method.equals("PUT") && random.nextBoolean()) {
                    request = request.header(
                            "If-Match", pick(random, "*", "\"poll-987654321-v0\"", "garbage", "\"\u0000\""));
                }
                if (method.equals("POST") && random.nextInt(4) == 0) {
                    request = request.header(
                            "Idempotency-Key", pick(random, "k-" + random.nextInt(5), "", "x".repeat(300)));
                }
                Response response = request.request(method, uri.toString());
                sent++;
                int status = response.statusCode();
                String where = method + " " + uri.substring(0, Math.min(uri.length(), 300));
                if (status >= 500) {
                    failures.add(status + " " + where + " -> " + abbreviate(response.asString()));
                } else if (status >= 400 && !method.equals("HEAD")) {
                    String type = response.contentType();
                    if (type == null || !type.startsWith("application/problem+json")) {
                        failures.add(status + " without problem+json (" + type + ") " + where);
                    }
                } else if (status < 300 && !method.equals("GET")) {
                    acceptedWrites++;
                }
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " bad answers, first: " + failures.subList(0, Math.min(10, failures.size())));
        assertTrue(sent >= 3_000, "requests sent: " + sent);
        if (acceptedWrites == 0) {
            assertEquals(before, counts(), "rejected requests changed the database");
        }
    }

    private static Arbitrary<String> body(Operation operation) {
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.maps(
                                        Arbitraries.oneOf(Arbitraries.of(operation.bodyProperties()), HOSTILE_TEXT),
                                        JSON_VALUE)
                                .ofMaxSize(6),
                        Arbitraries.integers().between(0, 3))
                .as((fields, duplicate) -> {
                    StringBuilder json = new StringBuilder("{");
                    fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                            .append(jsonString(k))
                            .append(':')
                            .append(v));
                    if (duplicate == 0 && !fields.isEmpty()) {
                        String first = fields.keySet().iterator().next();
                        json.append(',').append(jsonString(first)).append(":1");
                    }
                    return json.append('}').toString();
                });
        return Arbitraries.oneOf(
                object,
                object.map(o -> "[" + o + "," + o + "]"),
                JSON_VALUE,
                Arbitraries.of(
                        "[".repeat(10_000) + "]".repeat(10_000),
                        "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                        "{\"slug\":\"" + "x".repeat(1 << 20) + "\"}",
                        "{",
                        "",
                        "{\"slug\":\"a\"}{\"slug\":\"b\"}",
                        "start_date,end_date,pollster,sample_size,population,approve,disapprove\n2021-01-01,2021-01-02,X,1e999999999,a,1,2\n"));
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery("select count(*) from " + table)) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** One operation of the document: its path template, method, parameters and body media type. */
    private record Operation(
            String path, String method, List<String> queryParameters, List<String> bodyProperties, String mediaType) {

        @SuppressWarnings("unchecked")
        static Operation of(String path, String method, Object operation) {
            Map<String, Object> op = (Map<String, Object>) operation;
            List<String> query = new ArrayList<>();
            for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                if ("query".equals(parameter.get("in"))) {
                    query.add((String) parameter.get("name"));
                }
            }
            if (query.isEmpty()) {
                query.add("page");
            }
            String mediaType = "application/json";
            List<String> properties = new ArrayList<>(List.of("slug", "name", "key", "pollster", "questions"));
            Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
            if (body != null) {
                Map<String, Object> content = (Map<String, Object>) body.get("content");
                mediaType = content.keySet().iterator().next();
            }
            return new Operation(path, method.toUpperCase(), query, properties, mediaType);
        }

        /** The path with each {parameter} replaced: by a plausible id or key most of the time, else by a hostile value. */
        String concretePath(String hostile, Random random) {
            String concrete = path;
            while (concrete.contains("{")) {
                int start = concrete.indexOf('{');
                int end = concrete.indexOf('}', start);
                String value =
                        random.nextInt(3) == 0 ? pick(random, "987654321", "israel-democracy-institute", "0") : hostile;
                if (value.length() > 1000) {
                    value = value.substring(0, 1000);
                }
                concrete = concrete.substring(0, start)
                        + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
                        + concrete.substring(end + 1);
            }
            return concrete;
        }
    }
}
