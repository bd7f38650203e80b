package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.Expected;
import vn.edu.haiphong.dvc.testing.data.DataSet;

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
        Expected.indicators(Published.LEDGER, yearStart, yearEnd, data.root).forEach((id, pair) ->
                assertThat(pair.numerator()).as("numerator of %s", id).isPositive());

        List<String> scopes = new ArrayList<>(List.of(data.root, data.districts.get(0), data.districts.get(2),
                data.schools.get(0), data.schools.get(4)));
        scopes.add(null);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] { yearStart, yearEnd },
                new LocalDate[] { yearStart, LocalDate.of(2024, 3, 31) },
                new LocalDate[] { LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31) },
                new LocalDate[] { LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 1) },
                new LocalDate[] { LocalDate.of(2023, 12, 1), LocalDate.of(2025, 1, 31) },
                // r2: a period whose cut-off is now (the dossiers still open are judged at this instant), and one
                // month's cut-off in the middle of the year's processing.
                new LocalDate[] { yearStart, LocalDate.now(ZoneOffset.ofHours(7)) },
                new LocalDate[] { LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30) });
        for (String unit : scopes) {
            for (LocalDate[] period : periods) {
                Indicators.assertExact(period[0], period[1], unit);
            }
        }

        // r2: the dossiers behind 15 and 23, at a past cut-off and at now, are those the independent reading counts; and
        // the dossiers (procedures for 18) behind 18-22.
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        for (String id : List.of("processed-on-time", "handled-without-complaint", "fee-procedures-with-dossiers", "dossiers-paid-online",
                "dossier-and-result-digitized", "vneid-applicants", "fully-online-of-eligible")) {
            for (LocalDate[] period : List.of(new LocalDate[] { yearStart, yearEnd }, new LocalDate[] { LocalDate.of(2024, 6, 1),
                    LocalDate.of(2024, 6, 30) }, new LocalDate[] { yearStart, today })) {
                for (String unit : List.of(data.root, data.districts.get(1))) {
                    Expected.Pair pair = Expected.indicators(Published.LEDGER, period[0], period[1], unit).get(id);
                    String where = id + " " + period[0] + ".." + period[1] + " " + unit;
                    assertThat(drillTotal(id, period, unit, "numerator")).as("numerator of %s", where).isEqualTo(pair.numerator());
                    assertThat(drillTotal(id, period, unit, "denominator")).as("denominator of %s", where).isEqualTo(pair.denominator());
                    assertThat(drillTotal(id, period, unit, "gap")).as("gap of %s", where).isEqualTo(pair.denominator() - pair.numerator());
                }
            }
        }

        // The series too: each month's figures and the running figures, for every indicator.
        for (String id : Expected.indicators(Published.LEDGER, yearStart, yearEnd, data.root).keySet()) {
            List<Map<String, Object>> buckets = given().auth().oauth2(TestTokens.reader())
                    .queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", data.root)
                    .queryParam("granularity", "month").get("/api/v1/indicators/" + id + "/series")
                    .then().statusCode(200).extract().jsonPath().getList("buckets");
            assertThat(buckets).hasSize(12);
            for (Map<String, Object> bucket : buckets) {
                LocalDate start = LocalDate.parse((String) bucket.get("start"));
                LocalDate end = LocalDate.parse((String) bucket.get("end"));
                assertThat(pair(bucket.get("bucket"))).as("%s in %s", id, start)
                        .isEqualTo(Expected.indicators(Published.LEDGER, start, end, data.root).get(id));
                assertThat(pair(bucket.get("cumulative"))).as("%s up to %s", id, end)
                        .isEqualTo(Expected.indicators(Published.LEDGER, yearStart, end, data.root).get(id));
            }
        }
    }

    private static long drillTotal(String id, LocalDate[] period, String unit, String set) {
        return given().auth().oauth2(TestTokens.reader()).queryParam("from", period[0].toString()).queryParam("to", period[1].toString())
                .queryParam("unit", unit).queryParam("set", set).queryParam("size", 1).get("/api/v1/indicators/" + id + "/dossiers")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @SuppressWarnings("unchecked")
    private static Expected.Pair pair(Object figures) {
        Map<String, Object> f = (Map<String, Object>) figures;
        Object denominator = f.get("denominator");
        return new Expected.Pair(((Number) f.get("numerator")).longValue(), denominator == null ? null : ((Number) denominator).longValue());
    }
}
