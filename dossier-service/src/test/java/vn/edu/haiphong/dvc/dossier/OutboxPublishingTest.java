package vn.edu.haiphong.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.edu.haiphong.dvc.dossier.Fixtures.post;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.Delivery;
import vn.edu.haiphong.dvc.testing.TopicReader;

/**
 * What consumers see on the real broker: every accepted event exactly once, keyed by dossier, with
 * CloudEvents headers, never the applicant's id in clear; and nothing lost while Kafka is down.
 */
@QuarkusTest
class OutboxPublishingTest {

    private static final String CLEAR_ID = "031099001234";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void publishesEachAcceptedEventOnceWithCloudEventsHeadersAndTheDossierAsKey() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create();
        String dossier = unique("HS");
        Map<String, Object> submitted = scope.event("SUBMITTED", dossier);
        Map<String, Object> received = scope.event("RECEIVED", dossier);
        post(List.of(submitted, received)).statusCode(202);
        post(submitted).statusCode(202).body("duplicates", equalTo(1));

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.DOSSIER_EVENTS)) {
            Set<String> ours = Set.of((String) submitted.get("eventId"), (String) received.get("eventId"));
            List<TopicReader.Message> messages = await().atMost(Duration.ofSeconds(30))
                    .until(() -> only(reader.poll(), ours), list -> list.size() == 2);
            Map<String, TopicReader.Message> byId = messages.stream()
                    .collect(Collectors.toMap(m -> m.headers().get("ce_id"), Function.identity()));
            TopicReader.Message message = byId.get((String) submitted.get("eventId"));
            assertThat(message.key()).isEqualTo(dossier);
            assertThat(message.headers()).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_type", "vn.edu.haiphong.dvc.dossier.SUBMITTED")
                    .containsEntry("ce_source", "/dvc/dossier-service")
                    .containsEntry("content-type", "application/json");
            assertThat(OffsetDateTime.parse(message.headers().get("ce_time")).toInstant())
                    .isEqualTo(OffsetDateTime.parse("2024-03-04T08:15:00+07:00").toInstant());
            JsonNode value = mapper.readTree(message.value());
            assertThat(value.get("eventId").asText()).isEqualTo(submitted.get("eventId"));
            assertThat(value.get("channel").asText()).isEqualTo("ONLINE");
            assertThat(value.get("applicant").get("idHash").asText()).hasSize(64);
            assertThat(value.get("applicant").has("id")).isFalse();
            assertThat(value.get("applicant").get("adult").asBoolean()).isTrue();
            assertThat(message.value()).doesNotContain(CLEAR_ID);
            assertThat(mapper.readTree(byId.get((String) received.get("eventId")).value()).get("dueAt").asText())
                    .isEqualTo("2024-03-11T17:00:00+07:00");

            // A while later there is still exactly one message per event: the duplicate was not published.
            for (int i = 0; i < 4; i++) {
                assertThat(only(reader.poll(), ours)).hasSize(2);
            }
        }
    }

    @Test
    void theApplicantsIdIsNeitherStoredNorPublishedInClear() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(scope.event("SUBMITTED", unique("HS")));
        }
        post(batch).statusCode(202).body("accepted", equalTo(5));
        Set<String> ours = batch.stream().map(e -> (String) e.get("eventId")).collect(Collectors.toSet());

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.DOSSIER_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> only(reader.poll(), ours).size() == 5);
            assertThat(reader.poll()).extracting(TopicReader.Message::value).noneMatch(v -> v.contains(CLEAR_ID));
        }
        // Every column of every table, read as text.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("dossier_event", "outbox_message", "dossier");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\" t where t::text like '%" + CLEAR_ID + "%'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rows of %s holding the clear id", table).isZero();
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from dossier_event where payload like '%idHash%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void whileKafkaIsDownEventsAreAcceptedAndDeliveredOnceWhenItReturns() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create();
        List<String> ids = new ArrayList<>();
        Broker.stop();
        try {
            for (int round = 0; round < 3; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    Map<String, Object> event = scope.event("SUBMITTED", unique("HS"));
                    batch.add(event);
                    ids.add((String) event.get("eventId"));
                }
                post(batch).statusCode(202).body("accepted", equalTo(50));
            }
            // Accepted, and waiting in the outbox while the relay keeps failing to reach the broker.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> Delivery.unsent(dataSource, ids) == ids.size());
            // Still in service for routing, with the backlog visible to operators.
            io.restassured.RestAssured.given().get("/q/health/group/serving").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks[0].data.outboxBacklog", org.hamcrest.Matchers.greaterThanOrEqualTo(ids.size()));
        } finally {
            Broker.restart();
        }
        Map<String, Long> copies = Delivery.copies(Delivery.onTopic(Topics.DOSSIER_EVENTS, Set.copyOf(ids), Duration.ofSeconds(90)));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(copies.values()).allMatch(n -> n == 1);
    }

    private static List<TopicReader.Message> only(List<TopicReader.Message> messages, Set<String> eventIds) {
        return messages.stream().filter(m -> eventIds.contains(m.headers().get("ce_id"))).toList();
    }
}
