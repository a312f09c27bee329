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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded mixed load of reads and writes against one base URL, counting every request it sends:
 * sent = acknowledged (2xx) + failed (any other status or no answer). The ids of acknowledged polls go
 * to a file, so the caller can look them up in the database afterwards.
 *
 * <p>java MixedLoad.java BASE_URL SECONDS THREADS WRITE_PERCENT PAUSE_MS IDS_FILE [API_KEY]
 */
public class MixedLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        int threads = Integer.parseInt(args[2]);
        int writePercent = Integer.parseInt(args[3]);
        long pauseMillis = Long.parseLong(args[4]);
        Path idsFile = Path.of(args[5]);
        String apiKey = args.length > 6 ? args[6] : "";
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        LongAdder sent = new LongAdder(), acked = new LongAdder(), failed = new LongAdder();
        LongAdder writesSent = new LongAdder(), writesAcked = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    boolean write = ThreadLocalRandom.current().nextInt(100) < writePercent;
                    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(20));
                    if (write) {
                        String body = poll(thread, n++);
                        request.uri(URI.create(base + "/polls"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                        if (!apiKey.isEmpty()) {
                            request.header("Authorization", "Bearer " + apiKey);
                        }
                        writesSent.increment();
                    } else {
                        String[] reads = {"/polls/1", "/series/load-approval/trend", "/polls?size=20", "/pollsters"};
                        request.uri(URI.create(base + reads[ThreadLocalRandom.current().nextInt(reads.length)]))
                                .GET();
                    }
                    sent.increment();
                    try {
                        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() / 100 == 2) {
                            acked.increment();
                            if (write) {
                                writesAcked.increment();
                                Matcher id = ID.matcher(response.body());
                                if (id.find()) {
                                    ids.add(Long.parseLong(id.group(1)));
                                }
                            }
                        } else {
                            failed.increment();
                            failures.computeIfAbsent("status " + response.statusCode(), k -> new LongAdder())
                                    .increment();
                        }
                    } catch (IOException e) {
                        failed.increment();
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (pauseMillis > 0) {
                        try {
                            Thread.sleep(pauseMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(idsFile))) {
            ids.forEach(out::println);
        }
        System.out.printf(
                "RESULT sent=%d acked=%d failed=%d writes_sent=%d writes_acked=%d ids=%d failures='%s'%n",
                sent.sum(), acked.sum(), failed.sum(), writesSent.sum(), writesAcked.sum(), ids.size(), failures);
    }

    private static String poll(int thread, int n) {
        int approve = 40 + (thread * 7 + n) % 15;
        String day = String.format("2026-%02d-%02d", 1 + (n / 28) % 12, 1 + n % 28);
        return """
                {"pollster":"load-research","fieldStart":"%s","fieldEnd":"%s","population":"adults","country":"US",
                 "mode":"online","sampleSize":800,"questions":[{"wording":"Approve of the mayor? (worker %d)",
                 "series":"load-approval","options":[{"label":"Approve","percentage":%d},
                 {"label":"Disapprove","percentage":%d}]}]}
                """.formatted(day, day, thread, approve, 95 - approve);
    }
}
