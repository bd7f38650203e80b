package vn.edu.haiphong.dvc.ingest.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.support.Retry;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;

/**
 * The path of a valid request body into a service's store: each event is given the JSON it will be
 * stored and published as, then the service's store runs in one transaction (re-run if a concurrent
 * request took a key first), and the outcome is counted.
 */
public final class Ingestion<E> {

    private final JsonCodec json;
    private final Function<E, String> eventId;
    private final Counter accepted;
    private final Counter duplicates;

    /** @param kind names the counters, e.g. {@code dossier} gives {@code dvc.dossier.events.accepted} */
    public Ingestion(String kind, MeterRegistry registry, JsonCodec json, Function<E, String> eventId) {
        this.json = json;
        this.eventId = eventId;
        this.accepted = Counter.builder("dvc." + kind + ".events.accepted")
                .description("Events newly accepted").register(registry);
        this.duplicates = Counter.builder("dvc." + kind + ".events.duplicates")
                .description("Events re-sent with the same content: acknowledged, nothing changed").register(registry);
    }

    /**
     * @param batch whether the events came as a JSON array (their index is then named in errors)
     * @param store stores the candidates in the current transaction, or throws to refuse them all
     */
    public IngestResult run(List<E> events, boolean batch, Function<List<Candidate<E>>, IngestResult> store) {
        List<Candidate<E>> candidates = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            candidates.add(Candidate.of(batch ? i : null, eventId.apply(event), event, json));
        }
        IngestResult result = Retry.onConcurrentConflict(() -> QuarkusTransaction.requiringNew().call(() -> store.apply(candidates)));
        accepted.increment(result.accepted());
        duplicates.increment(result.duplicates());
        return result;
    }
}
