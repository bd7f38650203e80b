package vn.edu.haiphong.dvc.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;

/** The order of the steps and what a request is answered, with the steps recorded instead of stored. */
class IngestionTest {

    record Paid(String eventId, String transactionId) {
    }

    private final List<String> calls = new ArrayList<>();
    private final List<OutboxEvent> enqueued = new ArrayList<>();
    private final Map<String, String> stored = new HashMap<>();
    private final List<FieldError> ruleConflicts = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Ingestion<Paid> ingestion = new Ingestion<>("payment", Paid::eventId, new JsonCodec(new ObjectMapper()),
            recordingOutbox(), recordingEntityManager(), registry);

    @Test
    void aFreshBatchIsDedupedLockedCheckedPersistedEnqueuedAndFlushedInThatOrder() {
        IngestResult result = ingestion.store(candidates(true, new Paid("e1", "TX-1"), new Paid("e2", "TX-2")), steps);

        assertThat(result).isEqualTo(new IngestResult(2, 0));
        assertThat(calls).containsExactly("storedHashes [e1, e2]", "lock [e1, e2]", "check [e1, e2]", "persist [e1, e2]",
                "outboxEvent e1", "outboxEvent e2", "flush");
        assertThat(enqueued).extracting(OutboxEvent::eventId).containsExactly("e1", "e2");
    }

    @Test
    void aBatchOfDuplicatesOnlyIsAcknowledgedWithoutLockingOrWriting() {
        List<Candidate<Paid>> candidates = candidates(true, new Paid("e1", "TX-1"), new Paid("e2", "TX-2"));
        candidates.forEach(c -> stored.put(c.eventId(), c.hash()));

        IngestResult result = ingestion.store(candidates, steps);

        assertThat(result).isEqualTo(new IngestResult(0, 2));
        assertThat(calls).containsExactly("storedHashes [e1, e2]");
        assertThat(enqueued).isEmpty();
    }

    @Test
    void theConflictsOfDedupeAndOfTheChecksAreRefusedTogetherAndNothingIsWritten() {
        stored.put("e1", "another content's hash");
        ruleConflicts.add(FieldError.at(1, "type", "transaction 'TX-2' already has a PAID event ('e0')"));

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> ingestion.store(
                candidates(true, new Paid("e1", "TX-1"), new Paid("e2", "TX-2")), steps));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errors()).containsExactly(
                FieldError.at(0, "eventId", "'e1' was already accepted with different content"),
                FieldError.at(1, "type", "transaction 'TX-2' already has a PAID event ('e0')"));
        assertThat(calls).containsExactly("storedHashes [e1, e2]", "lock [e2]", "check [e2]");
        assertThat(enqueued).isEmpty();
    }

    @Test
    void aConflictOfDedupeAloneIsRefusedWithoutLocking() {
        stored.put("e1", "another content's hash");

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> ingestion.store(candidates(false, new Paid("e1", "TX-1")), steps));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("eventId 'e1' was already accepted with different content");
        assertThat(calls).containsExactly("storedHashes [e1]");
    }

    @Test
    void eachEventIsStoredAndPublishedAsItsJsonWithThatJsonsHashAndItsIndexOnlyInABatch() {
        Candidate<Paid> single = candidates(false, new Paid("e1", "TX-1")).get(0);
        List<Candidate<Paid>> batch = candidates(true, new Paid("e1", "TX-1"), new Paid("e2", "TX-2"));

        assertThat(single.index()).isNull();
        assertThat(single.payload()).isEqualTo("{\"eventId\":\"e1\",\"transactionId\":\"TX-1\"}");
        assertThat(single.hash()).isEqualTo(JsonCodec.sha256(single.payload()));
        assertThat(batch).extracting(Candidate::index).containsExactly(0, 1);
    }

    @Test
    void theCountersCountWhatWasAnswered() {
        ingestion.counted(new IngestResult(3, 1));
        ingestion.counted(new IngestResult(0, 2));

        assertThat(registry.counter("dvc.payment.events.accepted").count()).isEqualTo(3);
        assertThat(registry.counter("dvc.payment.events.duplicates").count()).isEqualTo(3);
    }

    private List<Candidate<Paid>> candidates(boolean batch, Paid... events) {
        return new ArrayList<>(ingestion.candidates(List.of(events), batch));
    }

    private final IngestSteps<Paid, String> steps = new IngestSteps<>() {

        @Override
        public Map<String, String> storedHashes(Collection<String> eventIds) {
            calls.add("storedHashes " + eventIds);
            return stored;
        }

        @Override
        public Map<String, String> lock(List<Candidate<Paid>> fresh, OffsetDateTime now) {
            calls.add("lock " + ids(fresh));
            Map<String, String> locked = new HashMap<>();
            fresh.forEach(c -> locked.put(c.event().transactionId(), "locked " + c.event().transactionId()));
            return locked;
        }

        @Override
        public List<FieldError> check(List<Candidate<Paid>> fresh, Map<String, String> locked) {
            calls.add("check " + ids(fresh));
            assertThat(locked).containsKeys(fresh.stream().map(c -> c.event().transactionId()).toArray(String[]::new));
            return ruleConflicts;
        }

        @Override
        public void persist(List<Candidate<Paid>> fresh, Map<String, String> locked, OffsetDateTime now) {
            calls.add("persist " + ids(fresh));
        }

        @Override
        public OutboxEvent outboxEvent(Candidate<Paid> accepted) {
            calls.add("outboxEvent " + accepted.eventId());
            return new OutboxEvent("dvc.payment-events", "HS-1", accepted.payload(), accepted.eventId(),
                    "vn.edu.haiphong.dvc.payment.PAID", OffsetDateTime.parse("2024-03-04T08:20:00+07:00"));
        }
    };

    private static List<String> ids(List<Candidate<Paid>> candidates) {
        return candidates.stream().map(Candidate::eventId).toList();
    }

    private Outbox recordingOutbox() {
        return new Outbox(null, null, null) {
            @Override
            public void enqueueAll(List<OutboxEvent> events) {
                enqueued.addAll(events);
            }
        };
    }

    private EntityManager recordingEntityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] { EntityManager.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("flush")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add("flush");
                    return null;
                });
    }
}
