package vn.edu.haiphong.dvc.ingest.validation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Classified;

/**
 * The path of a valid request body into a service's store, the same for every ingest service: each event is
 * given the JSON it will be stored and published as ({@link #candidates}), the batch is stored in one
 * transaction that the service opens ({@link #store}: dedupe, lock, check, persist, enqueue, the service's
 * {@link IngestSteps}), and the outcome of the committed transaction is counted ({@link #counted}).
 */
public final class Ingestion<E> {

    private final Function<E, String> eventId;
    private final JsonCodec json;
    private final Outbox outbox;
    private final EntityManager em;
    private final Counter accepted;
    private final Counter duplicates;

    /** @param kind names the counters, e.g. {@code dossier} gives {@code dvc.dossier.events.accepted} */
    public Ingestion(String kind, Function<E, String> eventId, JsonCodec json, Outbox outbox, EntityManager em,
            MeterRegistry registry) {
        this.eventId = eventId;
        this.json = json;
        this.outbox = outbox;
        this.em = em;
        this.accepted = Counter.builder("dvc." + kind + ".events.accepted")
                .description("Events newly accepted").register(registry);
        this.duplicates = Counter.builder("dvc." + kind + ".events.duplicates")
                .description("Events re-sent with the same content: acknowledged, nothing changed").register(registry);
    }

    /**
     * @param batch whether the events came as a JSON array (their index is then named in errors)
     * @return each event with the JSON it will be stored and published as, and that JSON's hash
     */
    public List<Candidate<E>> candidates(List<E> events, boolean batch) {
        List<Candidate<E>> candidates = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            candidates.add(Candidate.of(batch ? i : null, eventId.apply(event), event, json));
        }
        return candidates;
    }

    /**
     * Stores the batch whole in the caller's transaction, or refuses it whole.
     *
     * @throws ProblemException 409 naming every conflict of the batch: an event id re-used for other content,
     *         and every rule of the aggregates the events break
     */
    public <A> IngestResult store(List<Candidate<E>> candidates, IngestSteps<E, A> steps) {
        List<Candidate<E>> fresh = storeFresh(candidates, steps);
        return new IngestResult(fresh.size(), candidates.size() - fresh.size());
    }

    /**
     * As {@link #store}, for {@link GroupCommit}: the candidates it stored (the same objects; every other one was a
     * duplicate), so that a group's outcome can be told apart per request.
     */
    public <A> List<Candidate<E>> storeFresh(List<Candidate<E>> candidates, IngestSteps<E, A> steps) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Classified<E> classified = Deduplication.classify(candidates, steps::storedHashes);
        List<Candidate<E>> fresh = classified.fresh();
        List<FieldError> conflicts = new ArrayList<>(classified.conflicts());
        if (!fresh.isEmpty()) {
            Map<String, A> locked = steps.lock(fresh, now);
            conflicts.addAll(steps.check(fresh, locked));
            if (conflicts.isEmpty()) {
                steps.persist(fresh, locked, now);
                enqueue(fresh, steps);
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }
        return fresh;
    }

    /** Counts what a committed request accepted: once, however many times its transaction ran. */
    public IngestResult counted(IngestResult result) {
        accepted.increment(result.accepted());
        duplicates.increment(result.duplicates());
        return result;
    }

    private void enqueue(List<Candidate<E>> fresh, IngestSteps<E, ?> steps) {
        // After all the events, in one JDBC batch.
        outbox.enqueueAll(fresh.stream().map(steps::outboxEvent).toList());
        // Flush here, not at commit, so that a key taken meanwhile by a concurrent request surfaces as a
        // retryable SQL error rather than an opaque rollback.
        em.flush();
    }
}
