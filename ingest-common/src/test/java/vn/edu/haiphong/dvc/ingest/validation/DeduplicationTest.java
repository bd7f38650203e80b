package vn.edu.haiphong.dvc.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Classified;

class DeduplicationTest {

    private final List<Collection<String>> askedAbout = new ArrayList<>();

    @Test
    void eventsNeverSeenAreAllFreshInTheBatchsOrder() {
        Classified<String> classified = classify(Map.of(), event(0, "e1", "a"), event(1, "e2", "b"), event(2, "e3", "c"));

        assertThat(classified.fresh()).extracting(Candidate::eventId).containsExactly("e1", "e2", "e3");
        assertThat(classified.duplicates()).isZero();
        assertThat(classified.conflicts()).isEmpty();
    }

    @Test
    void theSameEventTwiceInOneBatchIsStoredOnceAndCountedAsADuplicate() {
        Classified<String> classified = classify(Map.of(), event(0, "e1", "a"), event(1, "e1", "a"), event(2, "e2", "b"));

        assertThat(classified.fresh()).extracting(Candidate::index).containsExactly(0, 2);
        assertThat(classified.duplicates()).isEqualTo(1);
        assertThat(classified.conflicts()).isEmpty();
    }

    @Test
    void anIdReusedInTheBatchForOtherContentIsAConflictAtTheLaterIndexNamingTheEarlierOne() {
        Classified<String> classified = classify(Map.of(), event(0, "e1", "a"), event(1, "e2", "b"), event(2, "e1", "other"));

        assertThat(classified.conflicts()).containsExactly(
                FieldError.at(2, "eventId", "'e1' appears earlier in the batch (index 0) with different content"));
        assertThat(classified.fresh()).extracting(Candidate::index).containsExactly(0, 1);
    }

    @Test
    void anEventAcceptedEarlierWithTheSameContentIsADuplicateAndWithOtherContentAConflict() {
        Classified<String> classified = classify(Map.of("e1", hash("a"), "e2", hash("b")),
                event(0, "e1", "a"), event(1, "e2", "changed"), event(2, "e3", "c"));

        assertThat(classified.duplicates()).isEqualTo(1);
        assertThat(classified.conflicts()).containsExactly(
                FieldError.at(1, "eventId", "'e2' was already accepted with different content"));
        assertThat(classified.fresh()).extracting(Candidate::eventId).containsExactly("e3");
    }

    @Test
    void aSingleEventsConflictHasNoIndex() {
        Classified<String> classified = classify(Map.of("e1", hash("a")), event(null, "e1", "b"));

        assertThat(classified.conflicts()).containsExactly(
                FieldError.of("eventId", "'e1' was already accepted with different content"));
    }

    @Test
    void theStoreIsAskedOnceAboutEachDistinctId() {
        classify(Map.of(), event(0, "e1", "a"), event(1, "e1", "a"), event(2, "e2", "b"));

        assertThat(askedAbout).hasSize(1);
        assertThat(askedAbout.get(0)).containsExactlyInAnyOrder("e1", "e2");
    }

    @SafeVarargs
    private Classified<String> classify(Map<String, String> stored, Candidate<String>... candidates) {
        return Deduplication.classify(List.of(candidates), ids -> {
            askedAbout.add(List.copyOf(ids));
            return stored;
        });
    }

    private static Candidate<String> event(Integer index, String eventId, String content) {
        return new Candidate<>(index, eventId, content, content, hash(content));
    }

    private static String hash(String content) {
        return "hash-of-" + content;
    }
}
