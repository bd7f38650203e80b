package vn.edu.haiphong.dvc.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KnownCodesTest {

    private final Set<String> store = new HashSet<>(Set.of("SGDDT", "PGD-LC"));
    private final List<Set<String>> asked = new ArrayList<>();
    private final KnownCodes known = new KnownCodes(codes -> {
        asked.add(Set.copyOf(codes));
        Set<String> found = new HashSet<>(codes);
        found.retainAll(store);
        return found;
    });

    @Test
    void answersTheRegisteredOnesAmongTheCodes() {
        assertThat(known.among(Set.of("SGDDT", "NOWHERE"))).containsExactly("SGDDT");
    }

    @Test
    void aCodeFoundRegisteredIsNotAskedAboutAgain() {
        known.among(Set.of("SGDDT"));
        assertThat(known.among(Set.of("SGDDT", "PGD-LC"))).containsExactlyInAnyOrder("SGDDT", "PGD-LC");

        assertThat(asked).containsExactly(Set.of("SGDDT"), Set.of("PGD-LC"));
        assertThat(known.among(Set.of("SGDDT", "PGD-LC"))).hasSize(2);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aCodeNotRegisteredIsAskedAboutEachTimeAndFoundOnceItIsRegistered() {
        assertThat(known.among(Set.of("THPT-TP"))).isEmpty();
        store.add("THPT-TP");

        assertThat(known.among(Set.of("THPT-TP"))).containsExactly("THPT-TP");
        assertThat(asked).containsExactly(Set.of("THPT-TP"), Set.of("THPT-TP"));
    }
}
