package org.pollwatch.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestPolls;

/**
 * Eight clients at once: submissions with idempotency keys (a quarter retried with the same key),
 * revisions racing on one poll, and the same pollster slug registered in parallel. Exactly the
 * expected rows are stored, and every lost race is a 409 or 412, never a 5xx.
 */
@QuarkusTest
class ConcurrencyTest {

    private static final int THREADS = 8;

    @Test
    void racesAreAnsweredWith409Or412AndStoreExactlyTheExpectedRows() throws Exception {
        String pollster = TestPolls.newPollster();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try {
            // 400 submissions, every fourth sent twice with its key
            List<Future<Long>> submissions = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                submissions.add(pool.submit(() -> {
                    String key = UUID.randomUUID().toString();
                    String body = TestPolls.poll(pollster, String.valueOf(500 + n), "2024-01-25", 51, 36);
                    long id = post(key, body, statuses);
                    if (n % 4 == 0) {
                        assertEquals(id, post(key, body, statuses), "a retry returns the first poll");
                    }
                    return id;
                }));
            }
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            for (Future<Long> f : submissions) {
                ids.add(f.get(5, TimeUnit.MINUTES));
            }
            assertEquals(400, ids.size());
            assertEquals(
                    400,
                    given().queryParam("pollster", pollster)
                            .get("/polls")
                            .jsonPath()
                            .getInt("total"));

            // 40 revisions of one poll at once, half with If-Match of version 0, half with *
            long target = ids.iterator().next();
            List<Future<Integer>> revisions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                revisions.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .header("If-Match", n % 2 == 0 ? "\"poll-" + target + "-v0\"" : "*")
                        .body(TestPolls.poll(pollster, "1000", "2024-01-25", 40 + n % 10, 36))
                        .put("/polls/" + target)
                        .statusCode()));
            }
            int revised = 0;
            for (Future<Integer> f : revisions) {
                int status = f.get(5, TimeUnit.MINUTES);
                count(statuses, status);
                assertTrue(status == 200 || status == 409 || status == 412, "revision answered " + status);
                revised += status == 200 ? 1 : 0;
            }
            assertTrue(revised >= 1);
            assertEquals(
                    revised,
                    given().get("/polls/" + target + "/revisions")
                            .jsonPath()
                            .getList("$")
                            .size(),
                    "one revision kept per successful PUT");

            // the same slug registered 16 times at once
            String slug = "race-" + UUID.randomUUID().toString().substring(0, 8);
            List<Future<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                registrations.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body("{\"slug\":\"" + slug + "\",\"name\":\"Race\",\"country\":\"IL\"}")
                        .post("/pollsters")
                        .statusCode()));
            }
            int created = 0;
            for (Future<Integer> f : registrations) {
                int status = f.get(5, TimeUnit.MINUTES);
                count(statuses, status);
                assertTrue(status == 201 || status == 409, "registration answered " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        statuses.forEach((status, n) -> assertTrue(status < 500, n + " answers of " + status));
    }

    private static long post(String key, String body, Map<Integer, AtomicInteger> statuses) {
        for (int attempt = 0; ; attempt++) {
            var response = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/polls");
            count(statuses, response.statusCode());
            if (response.statusCode() == 201) {
                return response.jsonPath().getLong("id");
            }
            assertTrue(response.statusCode() == 409 && attempt < 50, "submission answered " + response.statusCode());
        }
    }

    private static void count(Map<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }
}
