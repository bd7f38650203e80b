package vn.edu.haiphong.dvc.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop readers: each client sends its next request as soon as the last is answered. */
final class QueryLoad {

    record Result(Percentiles latency, double perSecond, long failed) {
    }

    private QueryLoad() {
    }

    static Result run(Http http, String url, String token, int clients, double seconds) throws InterruptedException {
        // A short warm-up, not measured: the first requests pay for class loading and the JIT.
        long warmEnd = System.nanoTime() + (long) (Math.min(3, seconds) * 1e9);
        while (System.nanoTime() < warmEnd) {
            http.get(url, token);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<long[][]> perClient = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] samples = { new long[4096] };
            perClient.add(samples);
            counts.add(0);
            int index = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    Http.Answer answer = http.get(url, token);
                    if (n == samples[0].length) {
                        samples[0] = Arrays.copyOf(samples[0], n * 2);
                    }
                    samples[0][n++] = System.nanoTime() - t0;
                    if (answer.status() != 200) {
                        failed.incrementAndGet();
                    }
                }
                synchronized (counts) {
                    counts.set(index, n);
                }
            }, "reader-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c)[0], 0, all, at, counts.get(c));
            at += counts.get(c);
        }
        return new Result(Percentiles.of(all), total / elapsed, failed.get());
    }
}
