package vn.edu.haiphong.dvc.ingest.validation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;

/**
 * What one ingest service does at each step of {@link Ingestion#store}, which takes them in this order in one
 * transaction: dedupe ({@link #storedHashes}), {@link #lock}, {@link #check}, {@link #persist}, enqueue
 * ({@link #outboxEvent}). The events handed to a step are the fresh ones, in the batch's order.
 *
 * @param <E> the event of the contract
 * @param <A> the aggregate an event belongs to and whose rules it must keep (a dossier, a payment transaction)
 */
public interface IngestSteps<E, A> {

    /** Dedupe: the content hash already stored for each of these event ids that is stored at all. */
    Map<String, String> storedHashes(Collection<String> eventIds);

    /**
     * Lock: creates the aggregates that are new (the first event of each fixes what it belongs to) and locks
     * every aggregate the events belong to, in key order, so that concurrent batches cannot deadlock in a cycle.
     *
     * @return each locked aggregate by its key
     */
    Map<String, A> lock(List<Candidate<E>> fresh, OffsetDateTime now);

    /** Check: every conflict of the events with their locked aggregates and with each other; empty when none. */
    List<FieldError> check(List<Candidate<E>> fresh, Map<String, A> locked);

    /** Persist: writes the events and moves their aggregates. */
    void persist(List<Candidate<E>> fresh, Map<String, A> locked, OffsetDateTime now);

    /** Enqueue: what the outbox is to publish for an accepted event. */
    OutboxEvent outboxEvent(Candidate<E> accepted);

    /**
     * For {@link #lock}: the first event of each aggregate, in the key order the aggregates are to be locked in.
     *
     * @param key the key of the aggregate an event belongs to
     */
    static <T> SortedMap<String, T> firstOfEach(List<Candidate<T>> fresh, Function<T, String> key) {
        SortedMap<String, T> first = new TreeMap<>();
        for (Candidate<T> c : fresh) {
            first.putIfAbsent(key.apply(c.event()), c.event());
        }
        return first;
    }
}
