package vn.edu.haiphong.dvc.ingest.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;

/**
 * Idempotency by {@code eventId}: an event sent again with the same content (within a batch, or after an
 * earlier request) is a duplicate, acknowledged and ignored; with other content it is a conflict.
 */
public final class Deduplication {

    /** A valid event, the JSON it will be stored and published as, and that JSON's SHA-256. */
    public record Candidate<E>(Integer index, String eventId, E event, String payload, String hash) {

        public static <E> Candidate<E> of(Integer index, String eventId, E event, JsonCodec json) {
            String payload = json.write(event);
            return new Candidate<>(index, eventId, event, payload, JsonCodec.sha256(payload));
        }
    }

    /** The events never seen before, how many were duplicates, and the conflicts found. */
    public record Classified<E>(List<Candidate<E>> fresh, int duplicates, List<FieldError> conflicts) {
    }

    private Deduplication() {
    }

    /**
     * Classifies each candidate as fresh, a duplicate (its id seen before with the same content: earlier in the
     * batch, or stored) or a conflict (the same id with other content), in the batch's order.
     *
     * @param storedHashes the content hashes already stored for some of the given event ids
     */
    public static <E> Classified<E> classify(List<Candidate<E>> candidates,
            Function<Collection<String>, Map<String, String>> storedHashes) {
        List<FieldError> conflicts = new ArrayList<>();
        int duplicates = 0;
        Map<String, Candidate<E>> byId = new LinkedHashMap<>();
        for (Candidate<E> c : candidates) {
            Candidate<E> first = byId.putIfAbsent(c.eventId(), c);
            if (first == null) {
                continue;
            }
            if (first.hash().equals(c.hash())) {
                duplicates++;
            } else {
                conflicts.add(FieldError.at(c.index(), "eventId", "'" + c.eventId() + "' appears earlier in the batch"
                        + (first.index() == null ? "" : " (index " + first.index() + ")") + " with different content"));
            }
        }
        Map<String, String> stored = storedHashes.apply(byId.keySet());
        List<Candidate<E>> fresh = new ArrayList<>();
        for (Candidate<E> c : byId.values()) {
            String earlier = stored.get(c.eventId());
            if (earlier == null) {
                fresh.add(c);
            } else if (earlier.equals(c.hash())) {
                duplicates++;
            } else {
                conflicts.add(FieldError.at(c.index(), "eventId", "'" + c.eventId() + "' was already accepted with different content"));
            }
        }
        return new Classified<>(fresh, duplicates, conflicts);
    }
}
