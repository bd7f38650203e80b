package vn.edu.haiphong.dvc.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;

class IngestStepsTest {

    record Event(String eventId, String dossierCode, String unitCode) {
    }

    @Test
    void theFirstEventOfEachAggregateFixesItAndTheAggregatesComeInKeyOrder() {
        List<Candidate<Event>> fresh = List.of(candidate(0, new Event("e1", "HS-2", "PGD-LC")),
                candidate(1, new Event("e2", "HS-1", "SGDDT")), candidate(2, new Event("e3", "HS-2", "SGDDT")));

        SortedMap<String, Event> first = IngestSteps.firstOfEach(fresh, Event::dossierCode);

        assertThat(first.keySet()).containsExactly("HS-1", "HS-2");
        assertThat(first.get("HS-2").unitCode()).isEqualTo("PGD-LC");
    }

    private static Candidate<Event> candidate(int index, Event event) {
        return new Candidate<>(index, event.eventId(), event, event.toString(), event.toString());
    }
}
