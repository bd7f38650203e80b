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
 * <pre>java -cp "bench/target/bench.jar:bench/target/lib/*" vn.edu.haiphong.dvc.bench.Bench [--smoke] [--out FILE]</pre>
 */
public final class Bench {

    static final String ROOT_UNIT = "HP-SGD";
    static final String PROBE_UNIT = "HP-PROBE";
    private static final int DISTRICTS = 15;
    private static final int SCHOOLS_PER_DISTRICT = 60;
    private static final int PROCEDURES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final ProcessStack stack;
    private final Report report;
    private final Http http;
    private final List<String> schools = new ArrayList<>();
    private final List<String> procedures = new ArrayList<>();
    private final Path out;
    private int streams;

    private Bench(Settings settings, ProcessStack stack, Report report, Path out) {
        this.settings = settings;
        this.stack = stack;
        this.report = report;
        this.out = out;
        this.http = new Http(settings.queryClients() + settings.singleClients() + 8);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.full();
        Path out = Path.of("bench/results/latest.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> settings = Settings.smoke();
                case "--ingest-only" -> settings = Settings.ingestOnly();
                case "--out" -> out = Path.of(args[++i]);
                case "--scales" -> {
                    List<Integer> scales = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                    settings = new Settings(settings.name() + " (scales " + scales + ")", settings.ingestSeconds(), settings.batchClients(),
                            settings.singleClients(), settings.freshnessSeconds(), scales, settings.queryClients(), settings.querySeconds(),
                            settings.growthIngestSeconds(), scales.contains(settings.rebuildAt()) ? settings.rebuildAt() : 0,
                            settings.serviceHeap());
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (use --smoke, --ingest-only, --scales N,N,..., --out FILE)");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Report report = run(settings, root, root.resolve("bench/target/run-" + settings.name().split(" ")[0]), out);
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
        deleteTree(work);
        Report report = new Report(settings);
        try (ProcessStack stack = new ProcessStack(root, work, settings.serviceHeap())) {
            report.step("starting the system");
            stack.start();
            new Bench(settings, stack, report, out).measure();
        }
        return report;
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

            // 1. Ingest throughput, beside the bare producer's rate for the same messages.
            Ingest dossiers = new Ingest(http, stack.url("dossier-service") + "/api/v1/dossier-events", stack.ingestToken);
            Ingest payments = new Ingest(http, stack.url("payment-service") + "/api/v1/payment-events", stack.ingestToken);
            // Not measured: the services' first minutes (JIT, connection pools, caches) are not their steady state.
            report.step("warm-up: dossier and payment events in batches of 500");
            double warmUp = Math.min(30, settings.ingestSeconds());
            dossiers.run("warm-up", dossierStreams(settings.batchClients()), 500, warmUp, 0);
            payments.run("warm-up", paymentStreams(settings.batchClients()), 500, warmUp / 2, 0);
            kafka.awaitIndicatorCaughtUp(1800);
            report.step("ingest: dossier events in batches of 500");
            Ingest.Result batch = dossiers.run("dossier events", dossierStreams(settings.batchClients()), 500, settings.ingestSeconds(), 0);
            report.step("ingest: single dossier events");
            Ingest.Result single = dossiers.run("dossier events", dossierStreams(settings.singleClients()), 1, settings.ingestSeconds(), 0);
            report.step("baseline: PostgreSQL single-row ceiling, " + settings.singleClients() + " JDBC connections");
            report.ceiling(Ceiling.run(stack.postgresPort, dossierStreams(settings.singleClients()), settings.ingestSeconds()));
            report.step("ingest: payment events in batches of 500");
            Ingest.Result paymentBatch = payments.run("payment events", paymentStreams(settings.batchClients()), 500,
                    settings.ingestSeconds(), 0);
            report.step("ingest: single payment events");
            Ingest.Result paymentSingle = payments.run("payment events", paymentStreams(settings.singleClients()), 1,
                    settings.ingestSeconds(), 0);
            report.step("bare producer, " + batch.accepted() + " messages");
            double bare = kafka.bareProducerRate(batch.samples(), Math.max(1, batch.accepted()));
            report.ingest(List.of(batch, single, paymentBatch, paymentSingle), bare);
            report.step("waiting for indicator-service to catch up");
            report.catchUp(kafka.awaitIndicatorCaughtUp(1800));
            checkpoint();

            // 2. Freshness at half the maximum batch rate.
            report.step("freshness");
            freshness(dossiers, batch.rate() / 2);
            kafka.awaitIndicatorCaughtUp(1800);
            checkpoint();

            // 3-5. Scales: query latency beside the naive GROUP BY, growth, and the rebuild.
            long loaded = 0;
            String school = db.aSchool();
            for (int scale : settings.scales()) {
                report.step("loading to " + scale + " dossiers");
                long t0 = System.nanoTime();
                db.load(loaded, scale);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                loaded = scale;
                kafka.awaitIndicatorCaughtUp(600);
                Report.Scale s = report.scale(scale, loadSeconds, db.count("naive_event"));
                report.step("queries at " + scale);
                s.root = QueryLoad.run(http, indicatorsUrl(ROOT_UNIT), stack.readerToken, settings.queryClients(), settings.querySeconds());
                s.school = QueryLoad.run(http, indicatorsUrl(school), stack.readerToken, settings.queryClients(), settings.querySeconds());
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
                if (scale == settings.rebuildAt()) {
                    rebuild(kafka, db, scale);
                    checkpoint();
                }
            }
        }
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
    private void freshness(Ingest dossiers, double pace) throws Exception {
        String url = stack.url("indicator-service") + "/api/v1/indicators/online-submission?unit=" + PROBE_UNIT;
        long base = denominator(url);
        List<Long> samples = new ArrayList<>();
        long[] failures = new long[1];
        Ingest.Result[] load = new Ingest.Result[1];
        Thread background = new Thread(() -> {
            try {
                load[0] = dossiers.run("dossier events", dossierStreams(settings.batchClients()), 500, settings.freshnessSeconds(), pace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        long end = System.nanoTime() + (long) (settings.freshnessSeconds() * 1e9);
        String ingestUrl = stack.url("dossier-service") + "/api/v1/dossier-events";
        for (int n = 1; System.nanoTime() < end; n++) {
            Http.Answer answer = http.post(ingestUrl, stack.ingestToken, Events.probe("PROBE-" + n, procedures.get(0), PROBE_UNIT));
            if (answer.status() != 202) {
                failures[0]++;
                n--;
                continue;
            }
            long accepted = System.nanoTime();
            while (denominator(url) < base + n) {
                Thread.sleep(2);
            }
            samples.add(System.nanoTime() - accepted);
            Thread.sleep(100);
        }
        background.join();
        report.freshness(pace, load[0], Percentiles.of(samples.stream().mapToLong(Long::longValue).toArray()), failures[0]);
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
