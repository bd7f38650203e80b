package vn.edu.haiphong.dvc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.infra.ProcessStack;

/**
 * The benchmark harness. Starts the packaged system as processes (as the quick start does: a KRaft Kafka
 * broker, PostgreSQL, the three services), drives it from this process over HTTP, and measures ingest
 * throughput beside a bare Kafka producer, freshness, query latency beside a naive GROUP BY, growth from
 * scale to scale, and a rebuild from the topics. Prints the report and writes it as Markdown.
 *
 * <pre>java -cp "bench/target/bench.jar:bench/target/lib/*" vn.edu.haiphong.dvc.bench.Bench [--smoke|--ingest-only] [--scales N,N,...] [--rebuild-at N] [--only SECTION,...] [--out FILE]</pre>
 * ({@code --rebuild-at} after {@code --scales}: the scale, one of them, at which the rebuild runs)
 */
public final class Bench {

    static final String ROOT_UNIT = "HP-SGD";
    static final String PROBE_UNIT = "HP-PROBE";
    /** What each indicator-service instance calls itself to PostgreSQL (writers' pool; the readers' pool adds "-readers"). */
    static final String FIRST_INSTANCE = "dvc-indicator-1";
    static final String SECOND_INSTANCE = "dvc-indicator-2";
    /** The sections of a run, in order, for {@code --only}. */
    static final List<String> SECTIONS = List.of("ingest", "freshness", "lock-wait", "scales", "rebuild");
    /** The single-event rate of a busy day (issue 19), at which freshness is measured a second time. */
    static final double BUSY_DAY_SINGLE_RATE = 200;
    private static final int DISTRICTS = 15;
    private static final int SCHOOLS_PER_DISTRICT = 60;
    private static final int PROCEDURES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A warm-up round in which no ingest service compiled for more than this share of its time ends the warm-up. */
    static final double SETTLED_COMPILE_SHARE = 0.10;
    static final int MAX_WARM_UP_ROUNDS = 8;

    private final Settings settings;
    private final ProcessStack stack;
    private final Report report;
    private final Http http;
    private final Jit jit = new Jit();
    private final List<String> schools = new ArrayList<>();
    private final List<String> procedures = new ArrayList<>();
    private final Path out;
    private final java.util.Set<String> sections;
    private int streams;
    private int probes;

    private Bench(Settings settings, ProcessStack stack, Report report, Path out, java.util.Set<String> sections) {
        this.settings = settings;
        this.sections = sections;
        this.stack = stack;
        this.report = report;
        this.out = out;
        this.http = new Http(settings.queryClients() + settings.singleClients() + 8);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.full();
        Path out = Path.of("bench/results/latest.md");
        java.util.Set<String> sections = new java.util.LinkedHashSet<>(SECTIONS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> settings = Settings.smoke();
                case "--ingest-only" -> settings = Settings.ingestOnly();
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> {
                    sections = new java.util.LinkedHashSet<>(java.util.Arrays.asList(args[++i].split(",")));
                    if (!SECTIONS.containsAll(sections)) {
                        throw new IllegalArgumentException("--only takes sections among " + SECTIONS + ", not " + sections);
                    }
                }
                case "--scales" -> {
                    List<Integer> scales = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                    settings = new Settings(settings.name() + " (scales " + scales + ")", settings.ingestSeconds(), settings.batchClients(),
                            settings.singleClients(), settings.freshnessSeconds(), scales, settings.queryClients(), settings.querySeconds(),
                            settings.growthIngestSeconds(), scales.contains(settings.rebuildAt()) ? settings.rebuildAt() : 0,
                            settings.serviceHeap());
                }
                case "--rebuild-at" -> {
                    int at = Integer.parseInt(args[++i]);
                    settings = new Settings(settings.name() + " (rebuild at " + at + ")", settings.ingestSeconds(), settings.batchClients(),
                            settings.singleClients(), settings.freshnessSeconds(), settings.scales(), settings.queryClients(),
                            settings.querySeconds(), settings.growthIngestSeconds(), at, settings.serviceHeap());
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --smoke, --ingest-only, --scales N,N,..., --rebuild-at N, --only SECTION,..., --out FILE)");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Report report = run(settings, root, root.resolve("bench/target/run-" + settings.name().split(" ")[0]), out, sections);
        Files.writeString(out, report.markdown());
        System.out.println(report.markdown());
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /**
     * Runs every measurement on a fresh system under {@code work}.
     *
     * @param out where the report so far is written after each step (so that a late failure keeps the figures), or null
     */
    public static Report run(Settings settings, Path root, Path work, Path out) throws Exception {
        return run(settings, root, work, out, new java.util.LinkedHashSet<>(SECTIONS));
    }

    /** Runs the given sections (of {@link #SECTIONS}) only; the others' tables stay empty. */
    public static Report run(Settings settings, Path root, Path work, Path out, java.util.Set<String> sections) throws Exception {
        deleteTree(work);
        Report report = new Report(settings, sections.containsAll(SECTIONS) ? "" : String.join(",", sections));
        try (ProcessStack stack = new ProcessStack(root, work, settings.serviceHeap())) {
            // Each instance names itself to PostgreSQL, so that pg_stat_activity tells their backends apart.
            stack.environmentOf("indicator-service", instanceUrls(stack, FIRST_INSTANCE));
            report.step("starting the system");
            stack.start();
            new Bench(settings, stack, report, out, sections).measure();
        }
        return report;
    }

    private static Map<String, String> instanceUrls(ProcessStack stack, String application) {
        String url = "jdbc:postgresql://localhost:" + stack.postgresPort + "/indicator?ApplicationName=";
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", url + application, "QUARKUS_DATASOURCE_READERS_JDBC_URL", url + application + "-readers");
    }

    private boolean on(String section) {
        return sections.contains(section);
    }

    private void checkpoint() throws IOException {
        if (out != null) {
            Files.writeString(out, report.markdown());
        }
    }

    private void measure() throws Exception {
        try (Kafka kafka = new Kafka("localhost:" + stack.kafkaPort); Database db = new Database(stack.postgresPort)) {
            report.machine(db);
            registerReferenceData();
            kafka.awaitIndicatorCaughtUp(300);

            Ingest dossiers = new Ingest(http, stack.url("dossier-service") + "/api/v1/dossier-events", stack.ingestToken);
            Ingest payments = new Ingest(http, stack.url("payment-service") + "/api/v1/payment-events", stack.ingestToken);
            if (on("ingest") || on("freshness") || on("lock-wait")) {
                // Not measured: the services' first minutes (JIT, connection pools, caches) are not their steady state.
                report.step("warm-up: dossier and payment events in batches of 500");
                double warmUp = Math.min(30, settings.ingestSeconds());
                dossiers.run("warm-up", dossierStreams(settings.batchClients()), 500, warmUp, 0);
                payments.run("warm-up", paymentStreams(settings.batchClients()), 500, warmUp / 2, 0);
                warmUntilCompiled(dossiers, payments);
                kafka.awaitIndicatorCaughtUp(1800);
            }

            // 1. Ingest throughput, beside the bare producer's rate for the same messages.
            Ingest.Result batch = null;
            if (on("ingest")) {
                report.step("ingest: dossier events in batches of 500");
                double compiled = jit.compiledSeconds(stack.pid("dossier-service"));
                batch = dossiers.run("dossier events", dossierStreams(settings.batchClients()), 500, settings.ingestSeconds(), 0);
                report.compiledDuring("dossier events in batches of 500", "dossier-service",
                        jit.compiledSeconds(stack.pid("dossier-service")) - compiled, batch.seconds());
                report.step("ingest: single dossier events");
                compiled = jit.compiledSeconds(stack.pid("dossier-service"));
                Ingest.Result single = dossiers.run("dossier events", dossierStreams(settings.singleClients()), 1, settings.ingestSeconds(), 0);
                report.compiledDuring("single dossier events", "dossier-service",
                        jit.compiledSeconds(stack.pid("dossier-service")) - compiled, single.seconds());
                report.step("baseline: PostgreSQL single-row ceiling, " + settings.singleClients() + " JDBC connections");
                report.ceiling(Ceiling.run(stack.postgresPort, dossierStreams(settings.singleClients()), settings.ingestSeconds()));
                report.step("ingest: payment events in batches of 500");
                Ingest.Result paymentBatch = payments.run("payment events", paymentStreams(settings.batchClients()), 500,
                        settings.ingestSeconds(), 0);
                report.step("ingest: single payment events");
                compiled = jit.compiledSeconds(stack.pid("payment-service"));
                Ingest.Result paymentSingle = payments.run("payment events", paymentStreams(settings.singleClients()), 1,
                        settings.ingestSeconds(), 0);
                report.compiledDuring("single payment events", "payment-service",
                        jit.compiledSeconds(stack.pid("payment-service")) - compiled, paymentSingle.seconds());
                report.step("bare producer, " + batch.accepted() + " messages");
                double bare = kafka.bareProducerRate(batch.samples(), Math.max(1, batch.accepted()));
                report.ingest(List.of(batch, single, paymentBatch, paymentSingle), bare);
                report.step("waiting for indicator-service to catch up");
                report.catchUp(kafka.awaitIndicatorCaughtUp(1800));
                checkpoint();
            }

            // 2. Freshness at half the maximum batch rate, and at the single-event rate of a busy day.
            if (on("freshness")) {
                if (batch == null) {
                    report.step("the maximum batch rate, for the freshness row's pace (not reported)");
                    batch = dossiers.run("dossier events", dossierStreams(settings.batchClients()), 500, settings.ingestSeconds(), 0);
                    kafka.awaitIndicatorCaughtUp(1800);
                }
                report.step("freshness at half the maximum batch rate");
                freshness(dossiers, "batches of 500, half the maximum batch rate", 500, settings.batchClients(), batch.rate() / 2);
                kafka.awaitIndicatorCaughtUp(1800);
                report.step("freshness at " + BUSY_DAY_SINGLE_RATE + " single events/s");
                freshness(dossiers, "single events, a busy day's rate", 1, settings.singleClients(), BUSY_DAY_SINGLE_RATE);
                kafka.awaitIndicatorCaughtUp(1800);
                checkpoint();
            }

            // 6 (run here, before the scales make the tables large). Two instances: how long they wait on each other's locks.
            if (on("lock-wait")) {
                lockWaits(kafka, dossiers);
                checkpoint();
            }

            // 3-5. Scales: query latency beside the naive GROUP BY, growth, and the rebuild.
            if (on("scales") || on("rebuild")) {
                if (on("rebuild") && settings.scales().contains(settings.rebuildAt())) {
                    report.rebuildExpected();
                }
                scales(kafka, db, dossiers);
            }
        }
    }

    /**
     * Goes on warming the ingest services up, both paths (batches and single events) of each, until their JIT has
     * settled: a round in which neither compiled for more than {@link #SETTLED_COMPILE_SHARE} of the round's time, or
     * {@link #MAX_WARM_UP_ROUNDS} rounds (one in the smoke run). A service that is still compiling is not in its
     * steady state: the first profile of the single-event row found a compiler thread busy through the whole measured
     * window.
     */
    private void warmUntilCompiled(Ingest dossiers, Ingest payments) throws InterruptedException {
        double roundPart = Math.max(1, Math.min(10, settings.ingestSeconds() / 2.0));
        List<String> services = List.of("dossier-service", "payment-service");
        // The smoke run only checks that the rounds run: one.
        int rounds = settings.ingestSeconds() >= 20 ? MAX_WARM_UP_ROUNDS : 1;
        for (int round = 1; round <= rounds; round++) {
            report.step("warm-up round " + round + ": batches and single events of both ingest services, until their JIT settles");
            Map<String, Double> before = new LinkedHashMap<>();
            services.forEach(s -> before.put(s, jit.compiledSeconds(stack.pid(s))));
            long t0 = System.nanoTime();
            dossiers.run("warm-up", dossierStreams(settings.batchClients()), 500, roundPart, 0);
            dossiers.run("warm-up", dossierStreams(settings.singleClients()), 1, roundPart, 0);
            payments.run("warm-up", paymentStreams(settings.batchClients()), 500, roundPart / 2, 0);
            payments.run("warm-up", paymentStreams(settings.singleClients()), 1, roundPart, 0);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> compiled = new LinkedHashMap<>();
            services.forEach(s -> compiled.put(s, jit.compiledSeconds(stack.pid(s)) - before.get(s)));
            boolean settled = compiled.values().stream().allMatch(c -> c >= 0 && c <= SETTLED_COMPILE_SHARE * seconds);
            report.warmUp(round, seconds, compiled, settled);
            if (settled) {
                return;
            }
        }
    }

    private void scales(Kafka kafka, Database db, Ingest dossiers) throws Exception {
        long loaded = 0;
        String school = db.aSchool();
        for (int scale : settings.scales()) {
            if (!on("scales") && (settings.rebuildAt() == 0 || scale > settings.rebuildAt())) {
                break;
            }
            report.step("loading to " + scale + " dossiers");
            long t0 = System.nanoTime();
            db.load(loaded, scale);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            loaded = scale;
            kafka.awaitIndicatorCaughtUp(600);
            if (on("scales")) {
                Report.Scale s = report.scale(scale, loadSeconds, db.count("naive_event"));
                report.step("queries at " + scale);
                s.root = QueryLoad.run(http, indicatorsUrl(ROOT_UNIT), stack.readerToken, settings.queryClients(), settings.querySeconds());
                s.school = QueryLoad.run(http, indicatorsUrl(school), stack.readerToken, settings.queryClients(), settings.querySeconds());
                s.indicators = served(ROOT_UNIT).size();
                report.step("open-dossier summary queries at " + scale);
                s.openRoot = QueryLoad.run(http, openSummaryUrl(ROOT_UNIT), stack.readerToken, settings.queryClients(), settings.querySeconds());
                s.openSchool = QueryLoad.run(http, openSummaryUrl(school), stack.readerToken, settings.queryClients(), settings.querySeconds());
                report.step("naive GROUP BY at " + scale);
                s.naiveRoot = naive(db, ROOT_UNIT, s);
                s.naiveSchool = naive(db, school, s);
                report.step("unit move at " + scale);
                s.move = moveDistrict();
                s.rssBytes = rss(stack.pid("indicator-service"));
                s.heapBytes = heapUsed();
                report.step("ingest again at " + scale);
                s.ingest = dossiers.run("dossier events", dossierStreams(settings.batchClients()), 500, settings.growthIngestSeconds(), 0);
                s.catchUp = kafka.awaitIndicatorCaughtUp(1800);
                checkpoint();
            }
            if (scale == settings.rebuildAt() && on("rebuild")) {
                rebuild(kafka, db, scale);
                checkpoint();
            }
        }
    }

    /**
     * A second indicator-service instance in the same consumer group (the dossier event topic's partitions shared between
     * the two), a shuffled stream of dossier events in batches of 500 for the ingest measurement's time, and
     * pg_stat_activity sampled every 10 ms until both have counted everything: the share of each instance's transaction
     * samples spent waiting on a lock. Then whether the numbers are exact (the root's submissions of the last days moved by
     * exactly the events sent), and the second instance stopped, so that the rest of the run is as before.
     */
    private void lockWaits(Kafka kafka, Ingest dossiers) throws Exception {
        report.step("lock waits: starting a second indicator-service instance");
        int partitions = kafka.dossierPartitions();
        // The extra environment of indicator-service is copied into each instance when it is created: the first instance
        // keeps its name (and its later starts, such as the rebuild's, too), the second is created with its own.
        stack.environmentOf("indicator-service", instanceUrls(stack, SECOND_INSTANCE));
        stack.addIndicatorInstance("indicator-service-2");
        try {
            kafka.awaitIndicatorMembers(2, 180);
            kafka.awaitIndicatorCaughtUp(1800);
            LocalDate today = vn.edu.haiphong.dvc.contract.DepartmentTime.dayOf(java.time.OffsetDateTime.now());
            String recent = stack.url("indicator-service") + "/api/v1/indicators/online-submission?unit=" + ROOT_UNIT + "&from="
                    + today.minusDays(5) + "&to=" + today;
            long[] before = pair(recent);
            java.util.concurrent.atomic.AtomicLong submitted = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong online = new java.util.concurrent.atomic.AtomicLong();
            List<Supplier<String>> shuffled = new ArrayList<>();
            for (Supplier<String> stream : dossierStreams(settings.batchClients())) {
                Supplier<String> mixed = Ingest.shuffled(stream, 500, streams * 31L);
                shuffled.add(() -> {
                    String event = mixed.get();
                    if (event.contains("\"type\":\"SUBMITTED\"")) {
                        submitted.incrementAndGet();
                        if (event.contains("\"channel\":\"ONLINE\"")) {
                            online.incrementAndGet();
                        }
                    }
                    return event;
                });
            }
            report.step("lock waits: a shuffled stream to two instances, pg_stat_activity sampled every 10 ms");
            LockWaits.Result waits;
            Ingest.Result sent;
            double seconds;
            try (LockWaits sampler = LockWaits.start(stack.postgresPort, List.of(FIRST_INSTANCE, SECOND_INSTANCE))) {
                long t0 = System.nanoTime();
                sent = dossiers.run("dossier events, shuffled", shuffled, 500, settings.ingestSeconds(), 0);
                kafka.awaitIndicatorCaughtUp(1800);
                seconds = (System.nanoTime() - t0) / 1e9;
                waits = sampler.stop();
            }
            long[] expected = { before[0] + online.get(), before[1] + submitted.get() };
            // Answers are served per data version, read at most every 50 ms: wait for the version that counted the last batch.
            long deadline = System.nanoTime() + 10_000_000_000L;
            long[] after = pair(recent);
            while ((after[0] != expected[0] || after[1] != expected[1]) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                after = pair(recent);
            }
            List<String> differences = new ArrayList<>();
            if (after[0] != expected[0] || after[1] != expected[1]) {
                differences.add("online-submission at the root, last days: " + after[0] + "/" + after[1] + ", expected " + expected[0] + "/"
                        + expected[1]);
            }
            report.lockWaits(new Report.LockWait(partitions, sent, seconds, waits, submitted.get(), differences));
        } finally {
            report.step("lock waits: stopping the second instance");
            stack.stop("indicator-service-2");
        }
        kafka.awaitIndicatorMembers(1, 180);
        kafka.awaitIndicatorCaughtUp(1800);
    }

    private long[] pair(String url) throws IOException {
        Http.Answer answer = http.get(url, stack.readerToken);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.status() + ": " + answer.body());
        }
        JsonNode node = JSON.readTree(answer.body());
        return new long[] { node.path("numerator").asLong(), node.path("denominator").asLong() };
    }

    private String openSummaryUrl(String unit) {
        return stack.url("indicator-service") + "/api/v1/open-dossiers/summary?unit=" + unit;
    }

    private void registerReferenceData() {
        report.step("registering units and procedures");
        String base = stack.url("dossier-service") + "/api/v1/";
        put(base + "units/" + ROOT_UNIT, "{\"code\":\"" + ROOT_UNIT + "\",\"name\":\"Sở Giáo dục và Đào tạo Hải Phòng\","
                + "\"type\":\"DEPARTMENT\",\"adultPopulation\":1550000}");
        put(base + "units/" + PROBE_UNIT, "{\"code\":\"" + PROBE_UNIT + "\",\"name\":\"Đơn vị đo độ tươi\",\"type\":\"OFFICE\","
                + "\"parentCode\":\"" + ROOT_UNIT + "\"}");
        for (int p = 1; p <= PROCEDURES; p++) {
            String code = "HP-TT%02d".formatted(p);
            procedures.add(code);
            put(base + "procedures/" + code, "{\"code\":\"" + code + "\",\"name\":\"Thủ tục " + p + "\",\"field\":\"Giáo dục\","
                    + "\"eligibleFullyOnline\":" + (p % 5 != 0) + ",\"providedFullyOnline\":" + (p % 5 != 0 && p % 7 != 0)
                    + ",\"integratedNationalPortal\":" + (p % 3 != 0) + ",\"feeBearing\":" + (p % 2 == 0) + "}");
        }
        for (int d = 1; d <= DISTRICTS; d++) {
            String district = "HP-PGD%02d".formatted(d);
            put(base + "units/" + district, "{\"code\":\"" + district + "\",\"name\":\"Phòng GDĐT " + d + "\",\"type\":\"DISTRICT_OFFICE\","
                    + "\"parentCode\":\"" + ROOT_UNIT + "\",\"adultPopulation\":" + (60_000 + d * 1000) + "}");
            for (int s = 1; s <= SCHOOLS_PER_DISTRICT; s++) {
                String school = "HP-S%02d-%02d".formatted(d, s);
                schools.add(school);
                put(base + "units/" + school, "{\"code\":\"" + school + "\",\"name\":\"Trường " + d + "-" + s + "\",\"type\":\"SCHOOL\","
                        + "\"parentCode\":\"" + district + "\"}");
            }
        }
    }

    private void put(String url, String json) {
        Http.Answer answer = http.put(url, stack.adminToken, json);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("PUT " + url + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private List<Supplier<String>> dossierStreams(int count) {
        List<Supplier<String>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = streams++;
            list.add(Ingest.dossierStream(new Events("H" + n, schools, procedures, n)));
        }
        return list;
    }

    private List<Supplier<String>> paymentStreams(int count) {
        List<Supplier<String>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = streams++;
            Events events = new Events("P" + n, schools, procedures, n);
            list.add(events::nextPayment);
        }
        return list;
    }

    /**
     * Probes, one after another, while dossier events flow at the given pace: a SUBMITTED event at the probe
     * unit, then the indicators polled until they count it. The time from the 202 to the first answer that
     * counts it is the probe's freshness.
     */
    private void freshness(Ingest dossiers, String what, int batchSize, int senders, double pace) throws Exception {
        String url = stack.url("indicator-service") + "/api/v1/indicators/online-submission?unit=" + PROBE_UNIT;
        long base = denominator(url);
        List<Long> samples = new ArrayList<>();
        List<FreshnessStages.Probe> probed = new ArrayList<>();
        long[] failures = new long[1];
        Ingest.Result[] load = new Ingest.Result[1];
        Thread background = new Thread(() -> {
            try {
                load[0] = dossiers.run("dossier events", dossierStreams(senders), batchSize, settings.freshnessSeconds(), pace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        long end = System.nanoTime() + (long) (settings.freshnessSeconds() * 1e9);
        String ingestUrl = stack.url("dossier-service") + "/api/v1/dossier-events";
        for (int n = 1; System.nanoTime() < end; n++) {
            // Codes unique in the run: a probe code sent again with another time would be refused (409), not counted.
            String code = "PROBE-" + ++probes;
            Http.Answer answer = http.post(ingestUrl, stack.ingestToken, Events.probe(code, procedures.get(0), PROBE_UNIT));
            if (answer.status() != 202) {
                failures[0]++;
                n--;
                continue;
            }
            long accepted = System.nanoTime();
            java.time.Instant acceptedAt = java.time.Instant.now();
            while (denominator(url) < base + n) {
                Thread.sleep(2);
            }
            samples.add(System.nanoTime() - accepted);
            probed.add(new FreshnessStages.Probe(Events.probeEventId(code), acceptedAt, java.time.Instant.now()));
            Thread.sleep(100);
        }
        background.join();
        report.freshness(new Report.Freshness(what, pace, load[0], Percentiles.of(samples.stream().mapToLong(Long::longValue).toArray()),
                failures[0], FreshnessStages.of(stack.postgresPort, probed)));
    }

    private long denominator(String url) throws IOException {
        Http.Answer answer = http.get(url, stack.readerToken);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.status() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("denominator").asLong();
    }

    private String indicatorsUrl(String unit) {
        return stack.url("indicator-service") + "/api/v1/indicators?from=" + LocalDate.of(Database.YEAR, 1, 1) + "&to="
                + LocalDate.of(Database.YEAR, 12, 31) + "&unit=" + unit;
    }

    /** Ours, as served: numerator and denominator of each indicator for the year and the unit. */
    private Map<String, long[]> served(String unit) throws IOException {
        Http.Answer answer = http.get(indicatorsUrl(unit), stack.readerToken);
        Map<String, long[]> out = new LinkedHashMap<>();
        for (JsonNode i : JSON.readTree(answer.body()).path("indicators")) {
            out.put(i.path("id").asText(), new long[] { i.path("numerator").asLong(), i.path("denominator").isNull() ? -1
                    : i.path("denominator").asLong() });
        }
        return out;
    }

    /**
     * A district office re-parented under another one and back, through dossier-service as an administrator would: the
     * time from the PUT's answer until the indicators of the district it joins count it, and whether every figure
     * follows exactly (the district it joins counts both, the root does not move, and after the move back every figure
     * of both is what it was).
     */
    private Report.Move moveDistrict() throws Exception {
        String moved = "HP-PGD01";
        String joined = "HP-PGD02";
        Map<String, long[]> movedBefore = served(moved);
        Map<String, long[]> joinedBefore = served(joined);
        Map<String, long[]> rootBefore = served(ROOT_UNIT);
        long dossiers = movedBefore.get("online-submission")[1];
        long expected = joinedBefore.get("online-submission")[1] + dossiers;
        List<String> differences = new ArrayList<>();

        double there = putParentAndWait(moved, joined, () -> served(joined).get("online-submission")[1] == expected);
        Map<String, long[]> joinedAfter = served(joined);
        for (String additive : List.of("online-submission", "fully-online-dossiers", "dossiers-in-system", "online-payments")) {
            long[] sum = { joinedBefore.get(additive)[0] + movedBefore.get(additive)[0], joinedBefore.get(additive)[1] + movedBefore.get(additive)[1] };
            if (joinedAfter.get(additive)[0] != sum[0] || joinedAfter.get(additive)[1] != sum[1]) {
                differences.add(joined + " " + additive + " after the move");
            }
        }
        compare(rootBefore, served(ROOT_UNIT), ROOT_UNIT + " after the move", differences);

        double back = putParentAndWait(moved, ROOT_UNIT, () -> served(joined).get("online-submission")[1] == expected - dossiers);
        compare(joinedBefore, served(joined), joined + " after the move back", differences);
        compare(movedBefore, served(moved), moved + " after the move back", differences);
        compare(rootBefore, served(ROOT_UNIT), ROOT_UNIT + " after the move back", differences);
        return new Report.Move(dossiers, there, back, differences);
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    private double putParentAndWait(String unit, String parent, Check moved) throws Exception {
        long t0 = System.nanoTime();
        put(stack.url("dossier-service") + "/api/v1/units/" + unit, "{\"code\":\"" + unit + "\",\"name\":\"Phòng GDĐT 1\","
                + "\"type\":\"DISTRICT_OFFICE\",\"parentCode\":\"" + parent + "\",\"adultPopulation\":61000}");
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (!moved.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The indicators did not follow the move of " + unit + " under " + parent + " in 30 minutes");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void compare(Map<String, long[]> before, Map<String, long[]> after, String where, List<String> differences) {
        before.forEach((id, pair) -> {
            if (pair[0] != after.get(id)[0] || pair[1] != after.get(id)[1]) {
                differences.add(where + ": " + id);
            }
        });
    }

    /** The naive computation, timed, and whether its numbers are ours. */
    private Report.Naive naive(Database db, String unit, Report.Scale scale) throws Exception {
        int runs = scale.dossiers <= 200_000 ? 3 : 1;
        long[] times = new long[runs];
        Map<String, long[]> naive = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            naive = db.naiveIndicators(unit);
            times[r] = System.nanoTime() - t0;
        }
        Map<String, long[]> ours = served(unit);
        List<String> differences = new ArrayList<>();
        naive.forEach((id, pair) -> {
            long[] o = ours.get(id);
            if (o[0] != pair[0] || (pair[1] >= 0 && o[1] != pair[1])) {
                differences.add(id + " ours " + o[0] + "/" + o[1] + " naive " + pair[0] + "/" + pair[1]);
            }
        });
        return new Report.Naive(Percentiles.of(times), differences);
    }

    /** Stops indicator-service, publishes the bulk-loaded dossiers' events, and times a rebuild from the topics. */
    private void rebuild(Kafka kafka, Database db, int scale) throws Exception {
        report.step("rebuild at " + scale);
        Map<String, long[]> before = served(ROOT_UNIT);
        stack.stop("indicator-service");
        long published;
        try (var producer = kafka.producer()) {
            published = db.publishLoadedFacts(producer);
        }
        long t0 = System.nanoTime();
        stack.environment("indicator-service").put("DVC_INDICATOR_REBUILD", "true");
        stack.startAndWait("indicator-service");
        kafka.awaitIndicatorCaughtUp(3600);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stack.environment("indicator-service").remove("DVC_INDICATOR_REBUILD");
        Map<String, long[]> after = served(ROOT_UNIT);
        List<String> differences = new ArrayList<>();
        before.forEach((id, pair) -> {
            if (pair[0] != after.get(id)[0] || pair[1] != after.get(id)[1]) {
                differences.add(id);
            }
        });
        report.rebuild(scale, published, db.count("processed_event"), seconds, differences);
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private long heapUsed() {
        Http.Answer answer = http.get(stack.url("indicator-service") + "/q/metrics", stack.readerToken);
        double sum = 0;
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
