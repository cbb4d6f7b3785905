import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop load generator: N concurrent users, each sending the next request as soon
 * as the previous answer arrived, over a list of paths taken in turn. Prints the latency
 * percentiles as seen from the client on the same machine (loopback), which bound the
 * server-side time from above.
 *
 * java bench/LoadBench.java BASE_URL PATHS_FILE USERS REQUESTS [WARMUP] [user:password]
 *
 * With the environment variable LOADBENCH_COOKIE set (e.g. "portal_session=..."), every request
 * carries it as its Cookie header: pages behind a sign-in, measured as a signed-in person sees them.
 */
public class LoadBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadBench BASE_URL PATHS_FILE USERS REQUESTS [WARMUP] [user:password]");
            System.exit(2);
        }
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        int users = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : Math.min(requests, 500);
        String authorization = args.length > 5
                ? "Basic " + Base64.getEncoder().encodeToString(args[5].getBytes(StandardCharsets.UTF_8)) : null;

        String cookie = System.getenv("LOADBENCH_COOKIE");

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, paths, users, warmup, authorization, cookie); // JIT, caches, connections
        long started = System.nanoTime();
        Result result = run(client, base, paths, users, requests, authorization, cookie);
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] sorted = result.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("no answer at all: %d errors%n", result.errors.get());
            System.exit(1);
        }
        System.out.printf("requests=%d users=%d errors=%d throughput=%.0f/s%n", sorted.length, users, result.errors.get(),
                sorted.length / seconds);
        System.out.printf("median=%.2fms p95=%.2fms p99=%.2fms max=%.2fms%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        long[] server = result.serverTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        if (server.length > 0) {
            System.out.printf("server-side (Server-Timing, %d answers): median=%.2fms p95=%.2fms p99=%.2fms%n",
                    server.length, percentile(server, 50), percentile(server, 95), percentile(server, 99));
        }
        if (result.errors.get() > 0) {
            System.exit(1);
        }
    }

    /** Client-side latencies, and the server's own time from its Server-Timing header when it sends one. */
    private record Result(List<Long> latencies, List<Long> serverTimes, AtomicInteger errors) { }

    private static Result run(HttpClient client, String base, List<String> paths, int users, int requests,
                              String authorization, String cookie) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>(requests));
        List<Long> serverTimes = java.util.Collections.synchronizedList(new ArrayList<>(requests));
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> workers = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    if (cookie != null && !cookie.isBlank()) {
                        request.header("Cookie", cookie);
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add(System.nanoTime() - start);
                        response.headers().firstValue("Server-Timing")
                                .map(timing -> timing.replaceAll(".*dur=([0-9.]+).*", "$1"))
                                .ifPresent(millis -> serverTimes.add((long) (Double.parseDouble(millis) * 1e6)));
                        if (response.statusCode() >= 400) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println(response.statusCode() + " " + paths.get(i % paths.size()));
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Result(latencies, serverTimes, errors);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
