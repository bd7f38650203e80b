package vn.edu.haiphong.dvc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends events to an ingest endpoint from several senders for a while, in batches or one by one, as fast
 * as the service answers or at a set pace, and counts what was accepted (202).
 */
final class Ingest {

    /** What a run achieved, and samples of what was sent (for the bare producer's same-size messages). */
    record Result(String what, int batchSize, int clients, long accepted, long failed, double seconds, List<String> samples,
            String firstFailure) {
        double rate() {
            return accepted / seconds;
        }
    }

    private final Http http;
    private final String url;
    private final String token;

    Ingest(Http http, String url, String token) {
        this.http = http;
        this.url = url;
        this.token = token;
    }

    /**
     * @param streams one stream of JSON events per sender
     * @param eventsPerSecond the pace over all senders, or 0 for as fast as possible
     */
    Result run(String what, List<Supplier<String>> streams, int batchSize, double seconds, double eventsPerSecond)
            throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> senders = new ArrayList<>();
        for (Supplier<String> stream : streams) {
            double interval = eventsPerSecond <= 0 ? 0 : batchSize * streams.size() * 1e9 / eventsPerSecond;
            Thread sender = new Thread(() -> {
                long due = System.nanoTime();
                while (System.nanoTime() < end) {
                    StringBuilder body = new StringBuilder(batchSize == 1 ? 512 : batchSize * 400);
                    if (batchSize > 1) {
                        body.append('[');
                    }
                    for (int i = 0; i < batchSize; i++) {
                        String event = stream.get();
                        if (samples.size() < 1000) {
                            samples.add(event);
                        }
                        body.append(i == 0 ? "" : ",").append(event);
                    }
                    if (batchSize > 1) {
                        body.append(']');
                    }
                    Http.Answer answer = http.post(url, token, body.toString());
                    if (answer.status() == 202) {
                        accepted.addAndGet(batchSize);
                    } else {
                        failed.addAndGet(batchSize);
                        if (failures.isEmpty()) {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    }
                    if (interval > 0) {
                        due += (long) interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait);
                        }
                    }
                }
            }, "sender-" + senders.size());
            sender.start();
            senders.add(sender);
        }
        for (Thread t : senders) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(what, batchSize, streams.size(), accepted.get(), failed.get(), elapsed, new ArrayList<>(samples),
                failures.peek());
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A stream's events in a shuffled order: the next {@code window} events, in a random order, then the next. The
     * events of one dossier then arrive in any order, as the contract allows, and a batch mixes dossiers of every unit.
     */
    static Supplier<String> shuffled(Supplier<String> stream, int window, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        return new Supplier<>() {
            private final List<String> pending = new ArrayList<>(window);

            @Override
            public String get() {
                if (pending.isEmpty()) {
                    for (int i = 0; i < window; i++) {
                        pending.add(stream.get());
                    }
                    java.util.Collections.shuffle(pending, new java.util.Random(random.nextLong()));
                }
                return pending.remove(pending.size() - 1);
            }
        };
    }

    /** A stream of one sender's dossier events, dossier after dossier. */
    static Supplier<String> dossierStream(Events events) {
        return new Supplier<>() {
            private List<String> pending = List.of();
            private int i;

            @Override
            public String get() {
                if (i == pending.size()) {
                    pending = events.nextDossier();
                    i = 0;
                }
                return pending.get(i++);
            }
        };
    }
}
