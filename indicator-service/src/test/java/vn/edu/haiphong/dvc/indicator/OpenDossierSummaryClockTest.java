package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * The open-dossier summary is counted from the counters of open dossiers by due day and served again while nothing
 * changes: it must still turn a dossier overdue the moment its due passes with no event, and follow each new event.
 */
@QuarkusTest
class OpenDossierSummaryClockTest {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);

    @Test
    void theSummaryTurnsWhenADuePassesWithNoEventAndFollowsEachEvent() throws InterruptedException {
        OffsetDateTime now = OffsetDateTime.now(VN);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 59, 0))) {
            // A due set a few seconds from now must fall today.
            Thread.sleep(Duration.between(now.toLocalTime(), LocalTime.MAX).toMillis() + 2_000);
            now = OffsetDateTime.now(VN);
        }
        OffsetDateTime due = now.plusSeconds(8);
        Published.send(List.of(new UnitRecord("OSC-ROOT", "Sở Đồng Hồ", UnitType.DEPARTMENT, null, null),
                new UnitRecord("OSC-S1", "Trường Đồng Hồ 1", UnitType.SCHOOL, "OSC-ROOT", null),
                new UnitRecord("OSC-S2", "Trường Đồng Hồ 2", UnitType.SCHOOL, "OSC-ROOT", null),
                new ProcedureRecord("OSC-P", "Thủ tục", "Giáo dục", true, true, true, false),
                received("osc-a", "OSC-A", "OSC-S1", now.minusHours(1), due),
                received("osc-b", "OSC-B", "OSC-S1", now.minusHours(1), due),
                new DossierEvent("osc-b-q", DossierEventType.SUPPLEMENT_REQUESTED, now.minusMinutes(30), "OSC-B", "OSC-P", "OSC-S1",
                        null, null, null, null, null, null),
                received("osc-c", "OSC-C", "OSC-S2", now.minusHours(1), now.plusDays(70)),
                received("osc-d", "OSC-D", "OSC-S2", now.minusDays(3), now.minusDays(1))));

        // Before the due: A is due soon (today, not yet passed), B waits, C is on track, D is overdue since yesterday.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> counts(summary().getMap("counts")).equals(List.of(1L, 1L, 1L, 1L)));
        JsonPath before = summary();
        if (OffsetDateTime.parse(before.getString("asOf")).isBefore(due)) {
            assertThat(before.getList("units.code")).containsExactly("OSC-S2", "OSC-S1");
            assertThat(counts(before.getMap("units[0].counts"))).isEqualTo(List.of(0L, 1L, 0L, 1L));
            assertThat(counts(before.getMap("units[1].counts"))).isEqualTo(List.of(1L, 0L, 1L, 0L));
        }

        // The due passes with no event: A is overdue at once, B still waits (it waits first, whatever its due).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath s = summary();
            boolean past = !OffsetDateTime.parse(s.getString("asOf")).isBefore(due);
            assertThat(counts(s.getMap("counts"))).as("at %s", s.getString("asOf"))
                    .isEqualTo(past ? List.of(1L, 2L, 0L, 1L) : List.of(1L, 1L, 1L, 1L));
            return past;
        });
        JsonPath after = summary();
        assertThat(after.getList("units.code")).containsExactly("OSC-S1", "OSC-S2");
        assertThat(counts(after.getMap("units[0].counts"))).isEqualTo(List.of(1L, 1L, 0L, 0L));
        assertThat(counts(after.getMap("units[1].counts"))).isEqualTo(List.of(0L, 1L, 0L, 1L));
        assertThat(counts(summary("OSC-S2").getMap("counts"))).isEqualTo(List.of(0L, 1L, 0L, 1L));

        // A result for D: one overdue fewer, though no clock moved.
        Published.send(List.of(new DossierEvent("osc-d-i", DossierEventType.RESULT_ISSUED, OffsetDateTime.now(VN), "OSC-D", "OSC-P",
                "OSC-S2", null, null, null, null, Outcome.APPROVED, null)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> counts(summary().getMap("counts")).equals(List.of(1L, 1L, 0L, 1L)));
        assertThat(counts(summary("OSC-S2").getMap("counts"))).isEqualTo(List.of(0L, 0L, 0L, 1L));
    }

    private static DossierEvent received(String eventId, String dossier, String unit, OffsetDateTime at, OffsetDateTime due) {
        return new DossierEvent(eventId, DossierEventType.RECEIVED, at, dossier, "OSC-P", unit, null, null, null, due, null, null);
    }

    private static JsonPath summary() {
        return summary("OSC-ROOT");
    }

    private static JsonPath summary(String unit) {
        return given().auth().oauth2(TestTokens.reader()).queryParam("unit", unit).get("/api/v1/open-dossiers/summary").then()
                .statusCode(200).extract().jsonPath();
    }

    /** waiting, overdue, due-soon, on-track. */
    private static List<Long> counts(Map<String, Object> counts) {
        return List.of(number(counts, "waiting"), number(counts, "overdue"), number(counts, "due-soon"), number(counts, "on-track"));
    }

    private static long number(Map<String, Object> counts, String state) {
        return ((Number) counts.get(state)).longValue();
    }
}
