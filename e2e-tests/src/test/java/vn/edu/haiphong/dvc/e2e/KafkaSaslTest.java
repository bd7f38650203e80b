package vn.edu.haiphong.dvc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.infra.KafkaBroker;
import vn.edu.haiphong.dvc.infra.ProcessStack;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;
import vn.edu.haiphong.dvc.testing.data.Ledger;

/**
 * r2 (issue 15): Kafka with credentials, as deploy/ configures it. A broker whose listener authenticates with SASL
 * SCRAM-SHA-512 and authorizes by ACLs runs in this JVM; each packaged service connects as its own user, with exactly
 * the ACLs its {@code KafkaUser} in deploy/base/kafka-users.yaml grants, and the numbers come out exact. A wrong password,
 * no credentials, or a user writing a topic it does not own: refused.
 */
class KafkaSaslTest {

    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    private static KafkaBroker broker;
    private static ProcessStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path dir = Path.of("target/e2e-kafka-sasl").toAbsolutePath();
        deleteRecursively(dir);
        broker = KafkaBroker.startWithScram(dir.resolve("kafka"));
        for (String service : List.of("dossier-service", "payment-service", "indicator-service")) {
            PASSWORDS.put(service, UUID.randomUUID().toString());
            broker.addScramUser(service, PASSWORDS.get(service));
        }
        grantTheServicesAcls();
        stack = new ProcessStack(Path.of("").toAbsolutePath().getParent(), dir, "384m", broker.saslBootstrapServers(),
                Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));
        PASSWORDS.forEach((service, password) -> stack.environmentOf(service, Map.of("KAFKA_SASL_JAAS_CONFIG", jaas(service, password))));
        stack.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * The ACLs of deploy/base/kafka-users.yaml, each KafkaUser's as Strimzi grants them: the file production deploys is
     * the one proven sufficient (the services count exactly) and narrow (a user cannot write another's topic).
     */
    @SuppressWarnings("unchecked")
    private static void grantTheServicesAcls() throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        Path file = Path.of("").toAbsolutePath().getParent().resolve("deploy/base/kafka-users.yaml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                Map<String, Object> user = (Map<String, Object>) document;
                String name = String.valueOf(((Map<String, Object>) user.get("metadata")).get("name"));
                Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) user.get("spec")).get("authorization");
                for (Object entry : (List<Object>) authorization.get("acls")) {
                    Map<String, Object> acl = (Map<String, Object>) entry;
                    Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                    ResourceType type = ResourceType.valueOf(constant(resource.get("type")));
                    PatternType pattern = PatternType.valueOf(constant(resource.getOrDefault("patternType", "literal")));
                    for (Object operation : (List<Object>) acl.get("operations")) {
                        acls.add(new AclBinding(new ResourcePattern(type, String.valueOf(resource.get("name")), pattern),
                                new AccessControlEntry("User:" + name, "*", AclOperation.valueOf(constant(operation)),
                                        AclPermissionType.ALLOW)));
                    }
                }
            }
        }
        assertThat(acls).as("ACLs in " + file).isNotEmpty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Strimzi's spelling (topic, literal, DescribeConfigs) as Kafka's constant (TOPIC, LITERAL, DESCRIBE_CONFIGS). */
    private static String constant(Object strimzi) {
        return String.valueOf(strimzi).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    @Test
    void eachServiceConnectsAsItsOwnUserAndTheNumbersAreExact() throws Exception {
        DataSet data = new DataSet("SASL".hashCode(), "SASL", 120);
        Ledger ledger = new Ledger();
        Driver driver = new Driver(stack, ledger, "SASL".hashCode());
        driver.reference(data.reference);
        driver.events(data.events);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> served(from, to, data.root).equals(Expected.indicators(ledger, from, to, data.root)));
        assertThat(served(from, to, data.districts.get(0))).isEqualTo(Expected.indicators(ledger, from, to, data.districts.get(0)));
        assertThat(served(LocalDate.of(2023, 12, 1), LocalDate.of(2025, 3, 31), data.schools.get(2)))
                .isEqualTo(Expected.indicators(ledger, LocalDate.of(2023, 12, 1), LocalDate.of(2025, 3, 31), data.schools.get(2)));
        // Every service says Kafka is UP over its credentials.
        for (String service : PASSWORDS.keySet()) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(service + " ready: " + ready.body()).isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordNoCredentialsOrAnotherServicesTopicAreRefused() {
        String record = "{\"forged\":true}";
        // A wrong password: the broker refuses the authentication.
        assertThatThrownBy(() -> send(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas("dossier-service", "not-" + PASSWORDS.get("dossier-service"))), Topics.DOSSIER_EVENTS, record))
                .satisfies(e -> assertThat(deepest(e)).isInstanceOf(SaslAuthenticationException.class));
        // No credentials on the SASL listener: the broker never lets the client in, and nothing is written.
        assertThatThrownBy(() -> send(Map.of(), Topics.DOSSIER_EVENTS, record)).satisfies(e -> assertThat(deepest(e)).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class));
        // A service's own credentials, another service's topic: only payment-service writes payment events.
        assertThatThrownBy(() -> send(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas("dossier-service", PASSWORDS.get("dossier-service"))), Topics.PAYMENT_EVENTS, record))
                .satisfies(e -> assertThat(deepest(e)).isInstanceOf(TopicAuthorizationException.class));
        // indicator-service reads the event topics and writes only its dead letters.
        assertThatThrownBy(() -> send(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas("indicator-service", PASSWORDS.get("indicator-service"))), Topics.DOSSIER_EVENTS, record))
                .satisfies(e -> assertThat(deepest(e)).isInstanceOf(TopicAuthorizationException.class));
    }

    @Test
    void aServiceGivenAWrongPasswordKeepsTheEventsItAcceptsAndSaysKafkaIsDown() throws Exception {
        Path log = Path.of("target/e2e/logs/dossier-service-wrong-kafka-password.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        int port = vn.edu.haiphong.dvc.infra.Ports.freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar",
                Path.of("").toAbsolutePath().getParent().resolve("dossier-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(stack.environment("dossier-service"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_SASL_JAAS_CONFIG", jaas("dossier-service", "wrong-password"));
        Process process = builder.start();
        try {
            URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
            HttpResponse<String> health = await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()),
                            r -> r.statusCode() == 503 && r.body().contains("Kafka"));
            JsonNode checks = json.readTree(health.body()).get("checks");
            assertThat(checks.findValuesAsText("status")).contains("DOWN");
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Authentication failed").doesNotContain("wrong-password");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The exception at the bottom of the chain: what the broker said. */
    private static Throwable deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static void send(Map<String, Object> security, String topic, String value) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "forged", value)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
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
