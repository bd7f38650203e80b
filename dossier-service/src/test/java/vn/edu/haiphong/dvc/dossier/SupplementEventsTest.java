package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static vn.edu.haiphong.dvc.dossier.Fixtures.post;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.TopicReader;

/**
 * Section 2, r2: the office asks the applicant to complete a dossier (SUPPLEMENT_REQUESTED) and the applicant does
 * (SUPPLEMENT_RECEIVED, maybe with a new appointment), any number of times, under every rule the other types follow.
 */
@QuarkusTest
class SupplementEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private Fixtures.Scope scope;

    @BeforeEach
    void registerReferenceData() {
        scope = Fixtures.Scope.create();
    }

    @Test
    void acceptsARequestAndAnAnswerWithOrWithoutANewAppointment() throws Exception {
        String dossier = unique("HS");
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00")).statusCode(202)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        Map<String, Object> answered = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-06T10:00:00+07:00");
        post(answered).statusCode(202).body("accepted", equalTo(1));
        Map<String, Object> rescheduled = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-07T10:00:00+07:00");
        rescheduled.put("dueAt", "2024-03-14T17:00:00+07:00");
        post(rescheduled).statusCode(202).body("accepted", equalTo(1));
        Map<String, Object> nullAppointment = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-08T10:00:00+07:00");
        nullAppointment.put("dueAt", null);
        post(nullAppointment).statusCode(202).body("accepted", equalTo(1));

        assertThat(stored((String) answered.get("eventId")).has("dueAt")).isFalse();
        assertThat(stored((String) rescheduled.get("eventId")).get("dueAt").asText()).isEqualTo("2024-03-14T17:00:00+07:00");
        assertThat(stored((String) nullAppointment.get("eventId")).has("dueAt")).isFalse();
    }

    @Test
    void fieldsASupplementEventDoesNotTakeAreIgnored() throws Exception {
        String dossier = unique("HS");
        Map<String, Object> request = scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00");
        request.put("dueAt", "not a time at all");
        request.put("rating", 9);
        post(request).statusCode(202).body("accepted", equalTo(1));
        Map<String, Object> answer = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-06T10:00:00+07:00");
        answer.put("outcome", "MAYBE");
        answer.put("channel", "ONLINE");
        post(answer).statusCode(202).body("accepted", equalTo(1));

        JsonNode storedRequest = stored((String) request.get("eventId"));
        assertThat(storedRequest.has("dueAt")).isFalse();
        assertThat(storedRequest.has("rating")).isFalse();
        JsonNode storedAnswer = stored((String) answer.get("eventId"));
        assertThat(storedAnswer.has("outcome")).isFalse();
        assertThat(storedAnswer.has("channel")).isFalse();
        assertThat(storedAnswer.get("type").asText()).isEqualTo("SUPPLEMENT_RECEIVED");
    }

    @Test
    void aNewAppointmentBeforeTheAnswerIsRefusedNamingItAndNothingIsStoredOrPublished() throws Exception {
        String dossier = unique("HS");
        Map<String, Object> early = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-07T10:00:00+07:00");
        early.put("dueAt", "2024-03-07T09:59:59+07:00");
        post(early).statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("dueAt"))
                .body("errors[0].message", containsString("occurredAt"));

        Map<String, Object> request = scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00");
        Map<String, Object> notATime = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-06T10:00:00+07:00");
        notATime.put("dueAt", "next Monday");
        Map<String, Object> badInBatch = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-07T10:00:00+07:00");
        badInBatch.put("dueAt", "2024-03-01T17:00:00+07:00");
        post(List.of(request, notATime, badInBatch)).statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(2))
                .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("dueAt"))
                .body("errors[1].index", equalTo(2)).body("errors[1].field", equalTo("dueAt"))
                .body("errors[1].message", equalTo("must not be before occurredAt"));

        // An appointment at the very moment of the answer is allowed.
        Map<String, Object> sameInstant = scope.event("SUPPLEMENT_RECEIVED", unique("HS"), "2024-03-07T10:00:00+07:00");
        sameInstant.put("dueAt", "2024-03-07T03:00:00Z");
        post(sameInstant).statusCode(202);

        List<String> refused = List.of((String) early.get("eventId"), (String) request.get("eventId"),
                (String) notATime.get("eventId"), (String) badInBatch.get("eventId"));
        given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(404);
        assertThat(count("select count(*) from dossier_event where event_id = any(?)", refused)).isZero();
        assertThat(count("select count(*) from outbox_message where ce_id = any(?)", refused)).isZero();
        assertNotPublished(refused, (String) sameInstant.get("eventId"));
    }

    @Test
    void aDossierTakesAnyNumberOfRequestsAndAnswersButStillOneOfEachOtherType() {
        String dossier = unique("HS");
        post(scope.event("SUBMITTED", dossier, "2024-03-04T08:15:00+07:00")).statusCode(202);
        post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
        for (int day = 5; day <= 7; day++) {
            post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-0" + day + "T10:00:00+07:00")).statusCode(202)
                    .body("accepted", equalTo(1));
            post(scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-0" + day + "T15:00:00+07:00")).statusCode(202)
                    .body("accepted", equalTo(1));
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-08T10:00:00+07:00"));
        batch.add(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-08T11:00:00+07:00"));
        batch.add(scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-08T15:00:00+07:00"));
        batch.add(scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-08T16:00:00+07:00"));
        batch.add(batch.get(0));
        post(batch).statusCode(202).body("accepted", equalTo(4)).body("duplicates", equalTo(1));

        post(scope.event("RECEIVED", dossier, "2024-03-09T09:00:00+07:00")).statusCode(409)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("already has a RECEIVED event"));
    }

    @Test
    void aRepeatedEventIdIsADuplicateWithTheSameContentAndAConflictWithOther() {
        String dossier = unique("HS");
        Map<String, Object> request = scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00");
        Map<String, Object> answer = scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-06T10:00:00+07:00");
        answer.put("dueAt", "2024-03-14T17:00:00+07:00");
        post(List.of(request, answer)).statusCode(202).body("accepted", equalTo(2));
        post(List.of(request, answer)).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(2));

        answer.put("dueAt", "2024-03-21T17:00:00+07:00");
        post(answer).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventId"))
                .body("errors[0].message", containsString("different content"));
        request.put("occurredAt", "2024-03-05T11:00:00+07:00");
        post(List.of(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-09T10:00:00+07:00"), request)).statusCode(409)
                .body("errors", hasSize(1)).body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("eventId"));
        // The appointment first accepted holds.
        post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then().body("dueAt", equalTo("2024-03-14T17:00:00+07:00"));
    }

    @Test
    void aSupplementEventNamingAnotherProcedureOrUnitIsAConflict() {
        String dossier = unique("HS");
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00")).statusCode(202);
        Fixtures.Scope other = Fixtures.Scope.create();
        post(other.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-06T10:00:00+07:00")).statusCode(409)
                .body("errors.field", hasItems("procedureCode", "unitCode"));
    }

    /** The event as stored (and published): what the service kept of the body. */
    private JsonNode stored(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select payload from dossier_event where event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("event %s stored", eventId).isTrue();
                return mapper.readTree(rs.getString(1));
            }
        }
    }

    private long count(String sql, List<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Once an event accepted after them has been published, none of these is on the topic. */
    private void assertNotPublished(List<String> refused, String acceptedAfter) {
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.DOSSIER_EVENTS)) {
            List<TopicReader.Message> messages = await().atMost(Duration.ofSeconds(30)).until(reader::poll,
                    all -> all.stream().anyMatch(m -> acceptedAfter.equals(m.headers().get("ce_id"))));
            Set<String> ids = Set.copyOf(refused);
            assertThat(messages).noneMatch(m -> ids.contains(m.headers().get("ce_id")));
        }
    }
}
