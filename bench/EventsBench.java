// Load client of bench/events.sh: N subscribers of GET /events on one instance (one HTTP connection
// each, read asynchronously by java.net.http, no thread per stream), then POSTS polls written one
// after another. For each poll and subscriber: the time from the POST's answer (the commit is done)
// to the subscriber reading the poll-submitted event. Also the instance's RSS (from /proc) before
// and after the subscribers connected. Bounded: N streams, POSTS writes, each wait capped.
// Usage: java EventsBench.java BASE_URL API_KEY POLLSTER APP_PID N POSTS PAUSE_MS
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class EventsBench {

    static final Pattern POLL_ID = Pattern.compile("\"pollId\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0], key = args[1], pollster = args[2];
        long pid = Long.parseLong(args[3]);
        int n = Integer.parseInt(args[4]), posts = Integer.parseInt(args[5]);
        long pauseMs = Long.parseLong(args[6]);
        // HTTP/1.1 as EventSource over plain http: one connection per stream (HTTP/2 would multiplex them)
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        long rssBefore = rssKb(pid);
        // receipts.get(pollId)[subscriber] = nanoTime of receipt
        Map<Long, long[]> receipts = new ConcurrentHashMap<>();
        CountDownLatch connected = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        long openStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int subscriber = i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/events?pollster=" + pollster + "&type=poll-submitted"))
                    .header("Accept", "text/event-stream")
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                        boolean first = true;

                        public void onSubscribe(Flow.Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        public void onNext(String line) {
                            if (first) {
                                first = false;
                                connected.countDown();
                            }
                            if (line.startsWith("data:")) {
                                long now = System.nanoTime();
                                Matcher m = POLL_ID.matcher(line);
                                if (m.find()) {
                                    receipts.computeIfAbsent(Long.parseLong(m.group(1)), id -> new long[n])[subscriber] = now;
                                }
                            }
                        }

                        public void onError(Throwable t) {
                            failed.incrementAndGet();
                        }

                        public void onComplete() {}
                    }))
                    .whenComplete((r, t) -> {
                        if (t != null || r.statusCode() != 200) {
                            failed.incrementAndGet();
                            connected.countDown();
                        }
                    });
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            System.out.println("not all connected after 120 s: " + connected.getCount() + " missing");
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        Thread.sleep(3000); // let the instance settle
        long rssAfter = rssKb(pid);
        System.out.printf("subscribers %d connected in %.1f s, %d failed%n", n, openSeconds, failed.get());
        System.out.printf("rss before %d KiB, after %d KiB: %+.1f KiB per subscriber%n",
                rssBefore, rssAfter, (rssAfter - rssBefore) / (double) n);

        Map<Long, Long> answered = new ConcurrentHashMap<>();
        Map<Long, Long> sent = new ConcurrentHashMap<>();
        for (int p = 0; p < posts; p++) {
            String body = ("{\"pollster\":\"%s\",\"fieldStart\":\"2024-01-01\",\"fieldEnd\":\"2024-01-02\",\"population\":\"adults\","
                            + "\"country\":\"IL\",\"sampleSize\":1000,\"questions\":[{\"wording\":\"Bench question %d?\","
                            + "\"options\":[{\"label\":\"Yes\",\"percentage\":50},{\"label\":\"No\",\"percentage\":45}]}]}")
                    .formatted(pollster, p);
            long sentAt = System.nanoTime();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/polls"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (response.statusCode() != 201) {
                System.out.println("POST answered " + response.statusCode() + ": " + response.body());
                continue;
            }
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
            id.find();
            answered.put(Long.parseLong(id.group(1)), at);
            sent.put(Long.parseLong(id.group(1)), sentAt);
            Thread.sleep(pauseMs);
        }
        Thread.sleep(5000); // the last deliveries
        List<Long> latencies = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>();
        long missing = 0;
        java.util.Set<Integer> missedBy = new java.util.TreeSet<>();
        for (Map.Entry<Long, Long> poll : answered.entrySet()) {
            long[] got = receipts.get(poll.getKey());
            for (int s = 0; s < n; s++) {
                if (got == null || got[s] == 0) {
                    missing++;
                    missedBy.add(s);
                } else {
                    latencies.add(got[s] - poll.getValue());
                    fromSent.add(got[s] - sent.get(poll.getKey()));
                }
            }
        }
        if (missing > 0) {
            System.out.println("subscribers that missed an event: " + missedBy.size());
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedFromSent = fromSent.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("deliveries %d of %d (%d missing), %d polls%n",
                sorted.length, (long) answered.size() * n, missing, answered.size());
        if (sorted.length > 0) {
            System.out.printf("latency from POST answered to receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms, min %.1f ms%n",
                    at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted[0] / 1e6);
            // the commit lies between the POST's sending and its answer: this one is an upper bound
            System.out.printf("latency from POST sent to receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    at(sortedFromSent, 0.50), at(sortedFromSent, 0.99), sortedFromSent[sortedFromSent.length - 1] / 1e6);
        }
        System.out.printf("rss at the end %d KiB%n", rssKb(pid));
        System.exit(0);
    }

    static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
