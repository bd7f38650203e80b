package vn.edu.haiphong.dvc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a run measured, and its Markdown table. */
public final class Report {

    /** One naive computation: its time over its runs, and where its numbers differ from ours (none, one hopes). */
    record Naive(Percentiles time, List<String> differences) {
    }

    /** The figures at one scale. */
    /** A district moved under another and back: its dossiers, the seconds until the indicators followed, what differed. */
    record Move(long dossiers, double seconds, double backSeconds, List<String> differences) {
    }

    static final class Scale {
        final int dossiers;
        final double loadSeconds;
        final long naiveEvents;
        QueryLoad.Result root;
        QueryLoad.Result school;
        Naive naiveRoot;
        Naive naiveSchool;
        long rssBytes;
        long heapBytes;
        Ingest.Result ingest;
        double catchUp;
        Move move;

        Scale(int dossiers, double loadSeconds, long naiveEvents) {
            this.dossiers = dossiers;
            this.loadSeconds = loadSeconds;
            this.naiveEvents = naiveEvents;
        }
    }

    private final Settings settings;
    private final long started = System.nanoTime();
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    private String machine = "";
    private List<Ingest.Result> ingest = List.of();
    private double bare;
    private double catchUp;
    private Ingest.Result ceiling;
    private double freshnessPace;
    private Ingest.Result freshnessLoad;
    private Percentiles freshness;
    private long probeFailures;
    final List<Scale> scales = new ArrayList<>();
    private String rebuild = "";
    private boolean rebuildExact;

    Report(Settings settings) {
        this.settings = settings;
    }

    void step(String what) {
        System.err.printf(Locale.ROOT, "[bench %6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    void machine(Database db) throws IOException, SQLException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        machine = "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (the harness and every service); services run with -Xmx" + settings.serviceHeap() + "\n"
                + "- Kafka: Apache Kafka 4.1.2, one KRaft broker; PostgreSQL: " + db.version() + "\n"
                + "- Everything on this one machine: broker, database, three services and the load generator share its cores.\n";
    }

    void ingest(List<Ingest.Result> results, double bareRate) {
        this.ingest = results;
        this.bare = bareRate;
    }

    void ceiling(Ingest.Result result) {
        this.ceiling = result;
    }

    void catchUp(double seconds) {
        this.catchUp = seconds;
    }

    void freshness(double pace, Ingest.Result load, Percentiles latency, long failures) {
        this.freshnessPace = pace;
        this.freshnessLoad = load;
        this.freshness = latency;
        this.probeFailures = failures;
    }

    Scale scale(int dossiers, double loadSeconds, long naiveEvents) {
        Scale s = new Scale(dossiers, loadSeconds, naiveEvents);
        scales.add(s);
        return s;
    }

    void rebuild(int scale, long published, long events, double seconds, List<String> differences) {
        rebuildExact = differences.isEmpty();
        rebuild = "| %,d | %,d | %,d | %s | %,.0f | %s |%n".formatted(scale, published, events, secs(seconds), events / seconds,
                differences.isEmpty() ? "yes" : "NO: " + differences);
    }

    /** Whether every figure that must be exact was: naive and ours agree, the rebuild gives the same numbers, nothing failed. */
    public boolean exact() {
        // A run without the rebuild's scale (--scales) has no rebuild to compare.
        boolean rebuilt = settings.rebuildAt() == 0 || rebuildExact && !rebuild.isEmpty();
        return rebuilt && scales.stream().allMatch(s -> s.naiveRoot.differences().isEmpty()
                && s.naiveSchool.differences().isEmpty() && s.root.failed() == 0 && s.school.failed() == 0
                && (s.move == null || s.move.differences().isEmpty()))
                && ingest.stream().allMatch(r -> r.failed() == 0 && r.accepted() > 0) && probeFailures == 0
                && (ceiling == null || ceiling.failed() == 0 && ceiling.accepted() > 0);
    }

    public int probes() {
        return freshness == null ? 0 : freshness.count();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results (").append(settings.name()).append(" run)\n\n");
        md.append("Run ").append(startedAt).append(", ").append(secs((System.nanoTime() - started) / 1e9)).append(" in all. ")
                .append("Produced by `bench/run.sh`").append(settings.name().equals("smoke") ? " --smoke" : "").append("; see bench/README.md.\n\n");
        md.append(machine).append('\n');

        md.append("## 1. Ingest throughput\n\n");
        md.append("Each row sustained for ").append(settings.ingestSeconds()).append(" s, after an unmeasured warm-up of both endpoints; "
                + "events counted when answered 202.\n\n");
        md.append("| what | per request | senders | accepted | refused/failed | events/s |\n|---|---|---|---|---|---|\n");
        for (Ingest.Result r : ingest) {
            md.append("| %s | %d | %d | %,d | %,d | **%,.0f** |%n".formatted(r.what(), r.batchSize(), r.clients(), r.accepted(), r.failed(),
                    r.rate()));
            if (r.firstFailure() != null) {
                md.append("| first failure | ").append(r.firstFailure().replace('|', '/').replace('\n', ' ')).append(" | | | | |\n");
            }
        }
        Ingest.Result batch = ingest.isEmpty() ? null : ingest.get(0);
        if (batch != null) {
            md.append("| **baseline**: bare Kafka producer (idempotent, acks=all), same count and sizes | | 1 | %,d | 0 | **%,.0f** |%n"
                    .formatted(batch.accepted(), bare));
            if (ceiling != null) {
                md.append("| **baseline**: PostgreSQL single-row ceiling (a JDBC connection per sender, a transaction per event: "
                        + "dossier when new, event, outbox row, commit) | 1 | %d | %,d | %,d | **%,.0f** |%n".formatted(ceiling.clients(),
                        ceiling.accepted(), ceiling.failed(), ceiling.rate()));
                if (ceiling.firstFailure() != null) {
                    md.append("| first failure | ").append(ceiling.firstFailure().replace('|', '/').replace('\n', ' ')).append(" | | | | |\n");
                }
            }
            md.append("\nDossier events in batches of 500 reach **%.1f%%** of the bare producer's rate on the same broker. "
                    .formatted(100 * batch.rate() / bare));
            md.append("indicator-service then needed %s more to have counted everything.".formatted(secs(catchUp)));
            if (ceiling != null && ingest.size() > 1) {
                md.append(" Single dossier events reach **%.1f%%** of PostgreSQL's single-row ceiling on the same server."
                        .formatted(100 * ingest.get(1).rate() / ceiling.rate()));
            }
            md.append("\n\n");
        }

        md.append("## 2. Freshness\n\n");
        if (freshness != null) {
            md.append("From the 202 on a probe event to the first indicator answer that counts it, polling every 2 ms, while dossier "
                    + "events are sent in batches of 500 at half the measured maximum.\n\n");
            md.append("| paced at (events/s) | achieved (events/s) | probes | probes refused | p50 | p99 | max |\n"
                    + "|---|---|---|---|---|---|---|\n");
            md.append("| %,.0f | %,.0f | %d | %d | **%s** | **%s** | %s |%n%n".formatted(freshnessPace, freshnessLoad.rate(),
                    freshness.count(), probeFailures, ms(freshness.p50()), ms(freshness.p99()), ms(freshness.max())));
        }

        md.append("## 3. Query latency, beside the naive GROUP BY\n\n");
        md.append("`GET /api/v1/indicators` for the year ").append(Database.YEAR).append(", ").append(settings.queryClients())
                .append(" concurrent clients, closed loop, ").append(settings.querySeconds()).append(" s per scope. ")
                .append("Naive: the same indicators (3 to 14) computed by one plain SQL GROUP BY over a table of raw events "
                        + "(`naive_event`, one row per event) in the same PostgreSQL; its numbers are checked against ours.\n\n");
        md.append("| dossiers | raw events | scope | p50 | p99 | requests/s | naive time | ratio naive / our p50 | same numbers |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Scale s : scales) {
            row(md, s, "root (" + Bench.ROOT_UNIT + ")", s.root, s.naiveRoot);
            row(md, s, "a school", s.school, s.naiveSchool);
        }

        md.append("\n### A unit moved in the tree\n\n");
        md.append("A district office re-parented under another one through `PUT /api/v1/units/{code}`, then back: the time from the "
                + "PUT's answer until the indicators of the district it joins count it (`dvc_move_unit()`, in the consumer's batch), and "
                + "whether every figure followed exactly.\n\n");
        md.append("| dossiers | dossiers of the moved district | move | move back | exact |\n|---|---|---|---|---|\n");
        for (Scale s : scales) {
            if (s.move != null) {
                md.append("| %,d | %,d | %s | %s | %s |%n".formatted(s.dossiers, s.move.dossiers(), secs(s.move.seconds()),
                        secs(s.move.backSeconds()), s.move.differences().isEmpty() ? "yes" : "NO: " + s.move.differences()));
            }
        }

        md.append("\n## 4. Growth\n\n");
        md.append("| dossiers | bulk load + recount | ingest, batches of 500 (events/s) | indicator catch-up after it | root p99 | school p99 "
                + "| indicator-service RSS | heap used |\n|---|---|---|---|---|---|---|---|\n");
        for (Scale s : scales) {
            md.append("| %,d | %s | %,.0f | %s | %s | %s | %,d MiB | %,d MiB |%n".formatted(s.dossiers, secs(s.loadSeconds), s.ingest.rate(),
                    secs(s.catchUp), ms(s.root.latency().p99()), ms(s.school.latency().p99()), s.rssBytes >> 20, s.heapBytes >> 20));
        }
        md.append("\nDossiers are bulk-loaded straight into indicator-service's fact tables by SQL (`generate_series`), then every "
                + "counter is counted again by `dvc_recount()`, the function the migration defines; their events go into `naive_event`.\n\n");

        md.append("## 5. Rebuild from the topics\n\n");
        md.append("indicator-service stopped; the bulk-loaded dossiers' events published straight to the event topics; then started "
                + "with `DVC_INDICATOR_REBUILD=true` and timed until its consumer group has committed every message (start-up included).\n\n");
        md.append("| dossiers | events published for it | events applied in all | time | events/s | same numbers after |\n"
                + "|---|---|---|---|---|---|\n").append(rebuild).append('\n');

        md.append("## Goals\n\n").append(goals());
        return md.toString();
    }

    private String goals() {
        StringBuilder g = new StringBuilder("| goal | measured | met |\n|---|---|---|\n");
        if (!ingest.isEmpty()) {
            Ingest.Result batch = ingest.get(0);
            g.append("| ingest ≥ 10,000 dossier events/s in batches of 500 | %,.0f | %s |%n".formatted(batch.rate(), yes(batch.rate() >= 10_000)));
            if (ingest.size() > 1) {
                Ingest.Result single = ingest.get(1);
                g.append("| single dossier events ≥ 2,000/s with %d senders | %,.0f%s | %s |%n".formatted(single.clients(), single.rate(),
                        ceiling == null ? "" : " (%.1f%% of PostgreSQL's ceiling, %,.0f/s)".formatted(100 * single.rate() / ceiling.rate(),
                                ceiling.rate()), yes(single.rate() >= 2_000)));
            }
            g.append("| ingest ≥ 25%% of the bare producer | %.1f%% | %s |%n".formatted(100 * batch.rate() / bare, yes(batch.rate() >= bare / 4)));
        }
        if (freshness != null) {
            g.append("| freshness p99 ≤ 1 s at half the maximum rate | %s | %s |%n".formatted(ms(freshness.p99()), yes(freshness.p99() <= 1000)));
        }
        if (!scales.isEmpty()) {
            Scale last = scales.get(scales.size() - 1);
            Scale first = scales.get(0);
            double p99 = Math.max(last.root.latency().p99(), last.school.latency().p99());
            g.append("| query p99 ≤ 20 ms at %,d dossiers | %s | %s |%n".formatted(last.dossiers, ms(p99), yes(p99 <= 20)));
            double ratio = last.naiveRoot.time().p50() / last.root.latency().p50();
            g.append("| ≥ 100× faster than the naive GROUP BY (root, %,d) | %,.0f× | %s |%n".formatted(last.dossiers, ratio, yes(ratio >= 100)));
            double growth = last.root.latency().p99() / first.root.latency().p99();
            g.append("| query latency flat within 2× from %,d to %,d dossiers (root p99) | %.2f× | %s |%n".formatted(first.dossiers,
                    last.dossiers, growth, yes(growth <= 2)));
        }
        g.append("| every figure exact: naive = ours, rebuild = before, a moved unit's figures follow it, no request failed | | %s |%n"
                .formatted(yes(exact())));
        return g.toString();
    }

    private static void row(StringBuilder md, Scale s, String scope, QueryLoad.Result q, Naive naive) {
        md.append("| %,d | %,d | %s | %s | %s | %,.0f | %s | %,.0f× | %s |%n".formatted(s.dossiers, s.naiveEvents, scope,
                ms(q.latency().p50()), ms(q.latency().p99()), q.perSecond(), ms(naive.time().p50()), naive.time().p50() / q.latency().p50(),
                naive.differences().isEmpty() ? "yes" : "NO: " + naive.differences()));
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String ms(double millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String secs(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return d.toMinutes() > 0 ? "%d min %d s".formatted(d.toMinutes(), d.toSecondsPart()) : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
