package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A generated department's events (a few thousand), sent shuffled across the three kinds of topic with
 * duplicates, must give every indicator exactly as computed independently from the same events, for
 * several periods and unit scopes.
 */
@QuarkusTest
class IndicatorAccuracyTest {

    @Test
    void everyIndicatorEqualsAnIndependentComputationWhateverTheOrderOfArrival() {
        DataSet data = new DataSet(20_240_101L, "ACC", 700);
        List<Object> messages = data.shuffledWithDuplicates();
        Published.send(messages);

        LocalDate yearStart = LocalDate.of(2024, 1, 1);
        LocalDate yearEnd = LocalDate.of(2024, 12, 31);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(yearStart, yearEnd, data.root)
                        && Indicators.matches(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), data.root));

        // The data set exercises every indicator: none of them compares zeros with zeros.
        Expected.indicators(yearStart, yearEnd, data.root).forEach((id, pair) ->
                assertThat(pair.numerator()).as("numerator of %s", id).isPositive());

        List<String> scopes = new ArrayList<>(List.of(data.root, data.districts.get(0), data.districts.get(2),
                data.schools.get(0), data.schools.get(4)));
        scopes.add(null);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] { yearStart, yearEnd },
                new LocalDate[] { yearStart, LocalDate.of(2024, 3, 31) },
                new LocalDate[] { LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31) },
                new LocalDate[] { LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 1) },
                new LocalDate[] { LocalDate.of(2023, 12, 1), LocalDate.of(2025, 1, 31) });
        for (String unit : scopes) {
            for (LocalDate[] period : periods) {
                Indicators.assertExact(period[0], period[1], unit);
            }
        }
    }
}
