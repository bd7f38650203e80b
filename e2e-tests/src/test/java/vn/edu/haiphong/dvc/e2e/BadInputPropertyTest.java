package vn.edu.haiphong.dvc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.infra.ProcessStack;

/**
 * Malformed and rule-breaking events, generated, against both ingest endpoints of the running system:
 * never a 5xx, always a 4xx problem+json that says what is wrong, and nothing stored or published — the
 * topics and the indicators are exactly as before.
 */
class BadInputPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UNIT = "BAD-INPUT-U";
    private static final String PROCEDURE = "BAD-INPUT-P";
    private static ProcessStack stack;
    private static Map<TopicPartition, Long> offsetsBefore;
    private static String indicatorsBefore;

    @BeforeContainer
    static void registerAndRemember() throws Exception {
        stack = SharedStack.get();
        put("/api/v1/units/" + UNIT, "{\"name\":\"Trường kiểm thử\",\"type\":\"SCHOOL\"}");
        put("/api/v1/procedures/" + PROCEDURE, "{\"name\":\"Thủ tục kiểm thử\",\"eligibleFullyOnline\":true,"
                + "\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":true}");
        // The new procedure moves the catalogue indicators: wait until that has settled.
        String[] last = { indicators() };
        await().pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    String now = indicators();
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        offsetsBefore = endOffsets();
        indicatorsBefore = indicators();
    }

    @AfterContainer
    static void nothingWasStoredOrPublished() throws Exception {
        // Had anything been accepted, the relays and the consumer would show it within these seconds.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> endOffsets().equals(offsetsBefore) && indicators().equals(indicatorsBefore));
        assertThat(endOffsets()).as("the event topics after all the refused requests").isEqualTo(offsetsBefore);
        assertThat(indicators()).as("the indicators after all the refused requests").isEqualTo(indicatorsBefore);
    }

    @Property(tries = 150)
    void brokenDossierEventsAreRefusedWithAProblem(@ForAll("brokenDossierBodies") String body) throws Exception {
        assertRefused(post("dossier-service", "/api/v1/dossier-events", body), Set.of(422));
    }

    @Property(tries = 150)
    void brokenPaymentEventsAreRefusedWithAProblem(@ForAll("brokenPaymentBodies") String body) throws Exception {
        assertRefused(post("payment-service", "/api/v1/payment-events", body), Set.of(422));
    }

    @Property(tries = 60)
    void bodiesThatAreNotEventsAreRefusedWithAProblem(@ForAll("notEvents") String body) throws Exception {
        assertRefused(post("dossier-service", "/api/v1/dossier-events", body), Set.of(400, 422));
        assertRefused(post("payment-service", "/api/v1/payment-events", body), Set.of(400, 422));
    }

    @Property(tries = 3)
    void batchesOfMoreThanAThousandAreRefusedWhole(@ForAll("oversizedBatches") String body) throws Exception {
        assertRefused(post("dossier-service", "/api/v1/dossier-events", body), Set.of(413));
    }

    @Provide
    Arbitrary<String> brokenDossierBodies() {
        Arbitrary<Map<String, Object>> valid = Arbitraries.of("SUBMITTED", "RECEIVED", "RESULT_ISSUED", "RATED", "WITHDRAWN")
                .map(BadInputPropertyTest::dossierEvent);
        return batches(Combinators.combine(valid, mutations(List.of("eventId", "type", "occurredAt", "dossierCode",
                "procedureCode", "unitCode"), List.of("type"))).as((event, mutation) -> mutation.apply(event)), valid);
    }

    @Provide
    Arbitrary<String> brokenPaymentBodies() {
        Arbitrary<Map<String, Object>> valid = Arbitraries.of("PAID", "REFUNDED").map(BadInputPropertyTest::paymentEvent);
        Arbitrary<Map<String, Object>> badAmount = Arbitraries.of("PAID").map(BadInputPropertyTest::paymentEvent)
                .flatMap(event -> Arbitraries.of((Object) 0, -5, 1_000_000_000_001L, 12.5, "50000", Map.of("vnd", 1))
                        .map(amount -> with(event, "amount", amount)));
        Arbitrary<Map<String, Object>> broken = Arbitraries.oneOf(badAmount, Combinators.combine(valid,
                mutations(List.of("eventId", "type", "transactionId", "occurredAt", "dossierCode", "procedureCode", "unitCode"),
                        List.of("type"))).as((event, mutation) -> mutation.apply(event)));
        return batches(broken, valid);
    }

    @Provide
    Arbitrary<String> notEvents() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(200),
                Arbitraries.of("{", "[1, 2", "{\"eventId\": }", "null", "42", "\"SUBMITTED\"", "[[[]]]", "{}", "[]",
                        "[null]", "{\"a\": {\"b\": [1, {\"c\": null}]}}", "\uFEFF{}", "\u0000"));
    }

    @Provide
    Arbitrary<String> oversizedBatches() {
        return Arbitraries.integers().between(1_001, 1_200).map(n -> {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                events.add(dossierEvent("WITHDRAWN"));
            }
            return write(events);
        });
    }

    /** One broken event alone, or hidden among valid ones in a batch (which must then be refused whole). */
    private static Arbitrary<String> batches(Arbitrary<Map<String, Object>> broken, Arbitrary<Map<String, Object>> valid) {
        Arbitrary<String> alone = broken.map(BadInputPropertyTest::write);
        Arbitrary<String> hidden = Combinators.combine(broken, valid.list().ofMaxSize(5), Arbitraries.integers().between(0, 5))
                .as((bad, good, at) -> {
                    List<Map<String, Object>> batch = new ArrayList<>(good);
                    batch.add(Math.min(at, batch.size()), bad);
                    return write(batch);
                });
        return Arbitraries.oneOf(alone, hidden);
    }

    /** A change that makes any event break the contract. */
    private record Mutation(String kind, String field, Object value) {

        Map<String, Object> apply(Map<String, Object> event) {
            Map<String, Object> broken = new LinkedHashMap<>(event);
            switch (kind) {
                case "missing" -> broken.remove(field);
                default -> broken.put(field, value);
            }
            return broken;
        }
    }

    private static Arbitrary<Mutation> mutations(List<String> required, List<String> enums) {
        Arbitrary<String> field = Arbitraries.of(required);
        Arbitrary<Object> wrongType = Arbitraries.of(42, true, 1.5, List.of("x"), Map.of("nested", List.of(Map.of("junk", 1)))).map(v -> v);
        Arbitrary<Object> huge = Arbitraries.integers().between(65, 100_000).map(n -> "x".repeat(n));
        Arbitrary<Object> oddUnicode = Arbitraries.of("ev\u200B1", "ev😀", "ev\u202Eabc", "hồ-sơ", "ev 1", "ev/1", "").map(v -> v);
        Arbitrary<Object> badTime = Arbitraries.of("1999-12-31T23:59:59+07:00", "3000-01-01T00:00:00Z", "2024-13-01T00:00:00Z",
                "yesterday", "2024-03-04T08:15:00", "2024-03-04", "").map(v -> v);
        Arbitrary<Object> badEnum = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "X" + s);
        return Arbitraries.oneOf(
                field.map(f -> new Mutation("missing", f, null)),
                Combinators.combine(field, wrongType).as((f, v) -> new Mutation("set", f, v)),
                Combinators.combine(Arbitraries.of("eventId", "dossierCode", "unitCode"), huge).as((f, v) -> new Mutation("set", f, v)),
                oddUnicode.map(v -> new Mutation("set", "eventId", v)),
                badTime.map(v -> new Mutation("set", "occurredAt", v)),
                Combinators.combine(Arbitraries.of(enums), badEnum).as((f, v) -> new Mutation("set", f, v)),
                Arbitraries.strings().alpha().ofLength(12).map(s -> new Mutation("set", "unitCode", "NOWHERE-" + s)));
    }

    private static Map<String, Object> dossierEvent(String type) {
        Map<String, Object> e = common(type);
        switch (type) {
            case "SUBMITTED" -> {
                e.put("channel", "ONLINE");
                e.put("fullyOnline", true);
                e.put("applicant", Map.of("kind", "CITIZEN", "id", "031099000001", "adult", true, "vneid", false));
            }
            case "RECEIVED" -> e.put("dueAt", "2024-05-20T17:00:00+07:00");
            case "RESULT_ISSUED" -> e.put("outcome", "APPROVED");
            case "RATED" -> e.put("rating", 4);
            default -> {
            }
        }
        return e;
    }

    private static Map<String, Object> paymentEvent(String type) {
        Map<String, Object> e = common(type);
        e.put("transactionId", "BAD-TX-" + UUID.randomUUID());
        if (type.equals("PAID")) {
            e.put("amount", 50_000);
            e.put("method", "NATIONAL_PORTAL");
        }
        return e;
    }

    private static Map<String, Object> common(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", "bad-input-" + UUID.randomUUID());
        e.put("type", type);
        e.put("occurredAt", "2024-05-10T09:00:00+07:00");
        e.put("dossierCode", "BAD-HS-" + UUID.randomUUID());
        e.put("procedureCode", PROCEDURE);
        e.put("unitCode", UNIT);
        return e;
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(event);
        changed.put(field, value);
        return changed;
    }

    private static void assertRefused(HttpResponse<String> response, Set<Integer> expected) throws Exception {
        assertThat(response.statusCode()).as("status for %s", abbreviated(response)).isIn(expected);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("title").asText()).isNotBlank();
        if (response.statusCode() == 422) {
            assertThat(problem.get("errors")).as("the failing fields of %s", abbreviated(response)).isNotEmpty();
            problem.get("errors").forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
        }
    }

    private static String abbreviated(HttpResponse<String> response) {
        String body = response.body();
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static HttpResponse<String> post(String service, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(service) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.ingestToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void put(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("dossier-service") + path))
                .header("Authorization", "Bearer " + stack.adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(200, 201);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + stack.kafkaPort))) {
            Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
            for (var description : admin.describeTopics(List.of(Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS)).allTopicNames().get().values()) {
                description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }
    }

    private static String indicators() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("indicator-service")
                + "/api/v1/indicators?from=2021-01-01&to=2030-12-31")).header("Authorization", "Bearer " + stack.readerToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode node = JSON.readTree(response.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("asOf");
        return node.toString();
    }
}
