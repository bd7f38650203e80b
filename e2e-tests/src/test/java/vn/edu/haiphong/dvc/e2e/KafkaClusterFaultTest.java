package vn.edu.haiphong.dvc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.infra.KafkaCluster;
import vn.edu.haiphong.dvc.infra.ProcessStack;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;
import vn.edu.haiphong.dvc.testing.data.Ledger;

/**
 * Kafka as production runs it (deploy/base/kafka.yaml): three KRaft nodes, each broker and controller,
 * topics on three replicas of which two must acknowledge a write. The packaged services run as processes
 * against that cluster, which runs in this JVM, and are driven over HTTP as in {@link FaultToleranceTest}:
 * a data set shuffled, in batches and one by one, 5% re-sent, only 2xx answers in the ledger.
 *
 * <p>One node lost mid-ingest must cost nothing: writes still reach two replicas. Two nodes lost stop
 * every write to Kafka (and the metadata quorum): the services must still accept events into their outbox,
 * and the numbers must catch up, exactly, once a second node is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterFaultTest {

    private static final LocalDate YEAR_START = LocalDate.of(2024, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
    private static final Duration CONVERGENCE_LIMIT = Duration.ofMinutes(3);
    /** indicator-service's {@code mp.messaging.outgoing.dead-letters.topic}. */
    private static final String DEAD_LETTERS = "dvc.indicator-service.dead-letters";
    private static final Pattern BACKLOG = Pattern.compile("(?m)^dvc_outbox_backlog(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$");

    private static KafkaCluster cluster;
    private static ProcessStack stack;
    private static final Ledger LEDGER = new Ledger();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path dir = Path.of("target/e2e-kafka-cluster").toAbsolutePath();
        // The expected numbers come from this run's ledger alone: no database of an earlier run may add to them.
        deleteRecursively(dir);
        cluster = KafkaCluster.start(dir.resolve("kafka"), Map.of());
        // The topics the services create get production's replication, as deploy/ configures it.
        stack = new ProcessStack(Path.of("").toAbsolutePath().getParent(), dir, "384m", cluster.bootstrapServers(),
                Map.of("DVC_OUTBOX_REPLICATION_FACTOR", "3", "DVC_INDICATOR_DEAD_LETTER_REPLICATION_FACTOR", "3"));
        stack.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void oneNodeStoppedAbruptlyMidIngestLosesAndDoublesNothing() throws Exception {
        Scenario s = scenario("KC1", 800);
        Driver driver = new Driver(stack, LEDGER, "KC1".hashCode());
        driver.reference(s.data.reference);

        int third = s.events.size() / 3;
        long start = System.nanoTime();
        CompletableFuture<Void> sending = sendAsync(driver, s.events);
        await().atMost(Duration.ofMinutes(5)).until(() -> driver.sent.get() >= third || sending.isDone());
        // The active controller: the metadata quorum, and the partitions it leads, must move at once.
        int stopped = cluster.activeController();
        cluster.stop(stopped);
        sending.get();
        long sentAt = System.nanoTime();

        // With the node still down: two replicas of three carry every partition.
        awaitExact(s.data.root);
        long converged = System.nanoTime();
        assertExactInThreeScopesAndPeriods(s.data);
        assertThat(cluster.runningNodes()).hasSize(2).doesNotContain(stopped);

        // Back on its ports and data, it catches up from the others; nothing is delivered again.
        cluster.start(stopped);
        cluster.awaitFullyReplicated(Duration.ofMinutes(2));
        assertExactInThreeScopesAndPeriods(s.data);
        System.out.printf("[e2e] KC1 (node %d of 3 stopped after a third): %d distinct events, %d sent again as duplicates, "
                + "%d requests retried by the client, sending took %d ms, the indicators converged %d ms after the last 2xx; "
                + "lost 0, counted twice 0%n", stopped, s.data.events.size(), s.duplicates, driver.retries.get(),
                (sentAt - start) / 1_000_000, (converged - sentAt) / 1_000_000);
    }

    @Test
    @Order(2)
    void withTwoNodesDownIngestAnswers202AndTheNumbersCatchUpWhenOneReturns() throws Exception {
        Scenario s = scenario("KC2", 800);
        int third = s.events.size() / 3;
        Driver before = new Driver(stack, LEDGER, "KC2".hashCode());
        before.reference(s.data.reference);
        before.events(s.events.subList(0, third));

        int first = cluster.activeController();
        cluster.stop(first);
        int second = cluster.runningNodes().stream().sorted().findFirst().orElseThrow();
        cluster.stop(second);
        assertThat(cluster.runningNodes()).hasSize(1);

        // What the one-stop office system and the payment platform see while Kafka cannot take a write.
        Driver during = new Driver(stack, LEDGER, "KC2".hashCode() + 1);
        long start = System.nanoTime();
        during.events(s.events.subList(third, s.events.size()));
        long sentAt = System.nanoTime();
        assertThat(during.statuses).as("every request answered at once, none retried").containsOnlyKeys(202);
        assertThat(during.retries.get()).isZero();
        long requests = during.statuses.get(202).get();
        // The accepted events wait in the outboxes, not in a producer's memory.
        double dossierBacklog = backlog("dossier-service");
        double paymentBacklog = backlog("payment-service");
        assertThat(dossierBacklog).isPositive();
        assertThat(paymentBacklog).isPositive();

        long returned = System.nanoTime();
        cluster.start(first);
        awaitExact(s.data.root);
        long converged = System.nanoTime();
        assertExactInThreeScopesAndPeriods(s.data);
        await().atMost(CONVERGENCE_LIMIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> backlog("dossier-service") == 0 && backlog("payment-service") == 0);

        cluster.start(second);
        cluster.awaitFullyReplicated(Duration.ofMinutes(2));
        assertExactInThreeScopesAndPeriods(s.data);
        System.out.printf("[e2e] KC2 (nodes %d and %d of 3 stopped after a third): %d distinct events, %d sent again as "
                + "duplicates; with one node up, %d requests answered 202 in %d ms (none retried), %.0f dossier and %.0f "
                + "payment messages held in the outboxes; the indicators converged %d ms after node %d returned; lost 0, "
                + "counted twice 0%n", first, second, s.data.events.size(), s.duplicates, requests, (sentAt - start) / 1_000_000,
                dossierBacklog, paymentBacklog, (converged - returned) / 1_000_000, first);
    }

    @Test
    @Order(3)
    void theTopicsTheServicesCreateHaveThreeReplicasOfWhichTwoMustAcknowledge() throws Exception {
        // indicator-service creates its dead-letter topic on the first message it cannot read: here is one.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DOSSIER_EVENTS, "KC3-unreadable", "not an event")).get();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            await().atMost(CONVERGENCE_LIMIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.listTopics().names().get().contains(DEAD_LETTERS));
            Set<String> topics = Set.of(Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS, Topics.UNITS, Topics.PROCEDURES, DEAD_LETTERS);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (String topic : topics) {
                assertThat(described.get(topic).partitions()).as(topic)
                        .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get("min.insync.replicas").value())
                        .as(topic).isEqualTo("2");
            }
        }
    }

    private record Scenario(DataSet data, List<Object> events, int duplicates) {
    }

    /** A department's data set, with 5% of its events sent twice, shuffled. */
    private static Scenario scenario(String prefix, int dossiers) {
        DataSet data = new DataSet(prefix.hashCode(), prefix, dossiers);
        Random random = new Random(prefix.hashCode());
        List<Object> events = new ArrayList<>(data.events);
        int duplicates = data.events.size() / 20;
        for (int i = 0; i < duplicates; i++) {
            events.add(data.events.get(random.nextInt(data.events.size())));
        }
        Collections.shuffle(events, random);
        return new Scenario(data, events, duplicates);
    }

    private static CompletableFuture<Void> sendAsync(Driver driver, List<Object> events) {
        return CompletableFuture.runAsync(() -> {
            try {
                driver.events(events);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void awaitExact(String unit) {
        await().atMost(CONVERGENCE_LIMIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> served(YEAR_START, YEAR_END, unit).equals(Expected.indicators(LEDGER, YEAR_START, YEAR_END, unit)));
    }

    private void assertExactInThreeScopesAndPeriods(DataSet data) throws Exception {
        for (String unit : List.of(data.root, data.districts.get(0), data.schools.get(4))) {
            assertThat(served(YEAR_START, YEAR_END, unit)).as("2024 in %s", unit)
                    .isEqualTo(Expected.indicators(LEDGER, YEAR_START, YEAR_END, unit));
            assertThat(served(LocalDate.of(2023, 12, 1), LocalDate.of(2025, 3, 31), unit)).as("all of it in %s", unit)
                    .isEqualTo(Expected.indicators(LEDGER, LocalDate.of(2023, 12, 1), LocalDate.of(2025, 3, 31), unit));
            assertThat(served(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30), unit)).as("Q2 2024 in %s", unit)
                    .isEqualTo(Expected.indicators(LEDGER, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30), unit));
        }
    }

    private Map<String, Expected.Pair> served(LocalDate from, LocalDate to, String unit) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url("indicator-service")
                + "/api/v1/indicators?from=" + from + "&to=" + to + "&unit=" + unit))
                .header("Authorization", "Bearer " + stack.readerToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Expected.Pair> served = new LinkedHashMap<>();
        for (JsonNode i : json.readTree(response.body()).get("indicators")) {
            served.put(i.get("id").asText(), new Expected.Pair(i.get("numerator").asLong(),
                    i.get("denominator").isNull() ? null : i.get("denominator").asLong()));
        }
        return served;
    }

    /** Messages accepted by a service and not yet acknowledged by Kafka (its outbox relay's gauge). */
    private double backlog(String service) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = BACKLOG.matcher(metrics);
        assertThat(m.find()).as("%s publishes dvc_outbox_backlog", service).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
