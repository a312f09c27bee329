import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded write load for the outage proofs (bench/faults.sh): each thread sends POST /polls, one
 * new {@code Idempotency-Key} per poll, and retries the same key and body on 503, 409 (key still in
 * progress) or a broken connection until it gets another answer or the retry window closes. Every
 * attempt is written to the log as {@code epoch_ms key attempt status id} (status 0: no answer).
 *
 * <p>java FaultLoad.java BASE_URL SECONDS THREADS PAUSE_MS LOG_FILE API_KEY [RETRY_SECONDS]
 */
public class FaultLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        int threads = Integer.parseInt(args[2]);
        long pauseMillis = Long.parseLong(args[3]);
        Path log = Path.of(args[4]);
        String apiKey = args[5];
        long retryNanos = Duration.ofSeconds(args.length > 6 ? Long.parseLong(args[6]) : 60).toNanos();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    String key = UUID.randomUUID().toString();
                    String body = poll(thread, n++, key);
                    long giveUp = System.nanoTime() + retryNanos;
                    for (int attempt = 1; ; attempt++) {
                        HttpRequest request = HttpRequest.newBuilder()
                                .timeout(Duration.ofSeconds(20))
                                .uri(URI.create(base + "/polls"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + apiKey)
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        int status = 0;
                        String id = "-";
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            Matcher m = ID.matcher(response.body());
                            if (status / 100 == 2 && m.find()) {
                                id = m.group(1);
                            }
                        } catch (IOException e) {
                            status = 0;
                        } catch (InterruptedException e) {
                            return;
                        }
                        lines.add(System.currentTimeMillis() + " " + key + " " + attempt + " " + status + " " + id);
                        boolean retry = status == 0 || status == 503 || status == 409;
                        if (!retry || System.nanoTime() > giveUp) {
                            break;
                        }
                        sleep(200); // shorter than Retry-After, to measure how soon service resumes
                    }
                    sleep(pauseMillis);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            lines.forEach(out::println);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A valid poll whose source URL carries its key, so duplicates can be counted in the database. */
    private static String poll(int thread, int n, String key) {
        int approve = 40 + (thread * 7 + n) % 15;
        String day = String.format("2026-%02d-%02d", 1 + (n / 28) % 12, 1 + n % 28);
        return """
                {"pollster":"fault-research","fieldStart":"%s","fieldEnd":"%s","population":"adults","country":"US",
                 "mode":"online","sampleSize":800,"sourceUrl":"https://example.org/fault/%s",
                 "questions":[{"wording":"Approve of the mayor? (worker %d)",
                 "options":[{"label":"Approve","percentage":%d},{"label":"Disapprove","percentage":%d}]}]}
                """.formatted(day, day, key, thread, approve, 95 - approve);
    }
}
