package vn.edu.haiphong.dvc.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;

class EventBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T05:00:00Z"), ZoneOffset.UTC);

    private final Registered registered = new Registered(Set.of("SGDDT"), Set.of("1.005090"));

    @Test
    void oneObjectIsOneEventAndItsErrorsHaveNoIndex() {
        assertThat(read(event("e1"))).containsExactly("e1");

        ProblemException refused = refused(event("e1").put("unitCode", "NOWHERE"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errors()).containsExactly(FieldError.of("unitCode", "'NOWHERE' is not a registered unit"));
    }

    @Test
    void aBatchIsReadWholeAndEveryFailingFieldOfEveryEventIsNamedWithItsIndex() {
        ArrayNode batch = JSON.createArrayNode();
        batch.add(event("e1"));
        batch.add(event("e2").put("procedureCode", "9.999999"));
        batch.add(event("e3").put("occurredAt", "2024-06-01T12:06:00+07:00"));
        batch.add(event("e4"));

        ProblemException refused = refused(batch);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errors()).containsExactlyInAnyOrder(
                FieldError.at(1, "procedureCode", "'9.999999' is not a registered procedure"),
                FieldError.at(2, "occurredAt", "must not be more than 5 minutes in the future"));
        batch.remove(2);
        batch.remove(1);
        assertThat(read(batch)).containsExactly("e1", "e4");
    }

    @Test
    void anOccurredAtFiveMinutesAheadOfTheClockIsStillAccepted() {
        assertThat(read(event("e1").put("occurredAt", "2024-06-01T12:05:00+07:00"))).containsExactly("e1");
    }

    @Test
    void registeredCodesAreLookedUpOnceForTheWholeBatch() {
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < 3; i++) {
            batch.add(event("e" + i));
        }
        read(batch);

        assertThat(registered.unitLookups).containsExactly(Set.of("SGDDT"));
        assertThat(registered.procedureLookups).containsExactly(Set.of("1.005090"));
    }

    @Test
    void noBodyIs400() {
        for (JsonNode none : new JsonNode[] { null, MissingNode.getInstance() }) {
            ProblemException refused = refused(none);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("The body is empty: an event object or an array of events is expected");
        }
    }

    @Test
    void neitherAnObjectNorAnArrayIs422() {
        ProblemException refused = refused(JSON.getNodeFactory().numberNode(7));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errors()).containsExactly(FieldError.of("body", "must be an event object or an array of events"));
    }

    @Test
    void anEmptyBatchIs422() {
        ProblemException refused = refused(JSON.createArrayNode());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errors()).containsExactly(FieldError.of("body", "a batch holds 1 to 1000 events"));
    }

    @Test
    void aBatchOfAThousandIsReadAndOneMoreIs413() {
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < EventBatch.MAX_EVENTS; i++) {
            batch.add(event("e" + i));
        }
        assertThat(read(batch)).hasSize(1_000);

        batch.add(event("one-too-many"));
        ProblemException refused = refused(batch);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.detail()).isEqualTo("A batch holds at most 1000 events; this one has 1001. Nothing was stored.");
    }

    @Test
    void theServicesOwnRulesAreReadOnlyForAnObject() {
        ArrayNode batch = JSON.createArrayNode();
        batch.add(event("e1"));
        batch.add("not an event");
        List<EventFields> readByService = new ArrayList<>();

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> EventBatch.read(batch, CLOCK, (fields, latest) -> {
                    readByService.add(fields);
                    return fields.eventId();
                }, registered));

        assertThat(readByService).extracting(EventFields::eventId).containsExactly("e1");
        assertThat(refused.errors()).containsExactly(FieldError.at(1, "event", "must be a JSON object"));
    }

    private List<String> read(JsonNode body) {
        return EventBatch.read(body, CLOCK, (fields, latest) -> fields.eventId(), registered);
    }

    private ProblemException refused(JsonNode body) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> read(body));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private static ObjectNode event(String eventId) {
        return JSON.createObjectNode().put("eventId", eventId).put("occurredAt", "2024-03-04T08:15:00+07:00")
                .put("dossierCode", "HS-1").put("procedureCode", "1.005090").put("unitCode", "SGDDT");
    }

    private static final class Registered implements ReferenceLookup {

        final Set<String> units;
        final Set<String> procedures;
        final List<Set<String>> unitLookups = new ArrayList<>();
        final List<Set<String>> procedureLookups = new ArrayList<>();

        Registered(Set<String> units, Set<String> procedures) {
            this.units = units;
            this.procedures = procedures;
        }

        @Override
        public Set<String> knownUnits(Set<String> codes) {
            unitLookups.add(Set.copyOf(codes));
            return registered(codes, units);
        }

        @Override
        public Set<String> knownProcedures(Set<String> codes) {
            procedureLookups.add(Set.copyOf(codes));
            return registered(codes, procedures);
        }

        private static Set<String> registered(Set<String> codes, Set<String> known) {
            Set<String> found = new HashSet<>(codes);
            found.retainAll(known);
            return found;
        }
    }
}
