package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2: indicators 16 (weekly-broadcasts) and 17 (schools-with-outreach-sessions) over generated broadcasts and sessions
 * of 2022 (weeks missed, items at the edges of a week on either clock, a district office's own broadcasts, a unit
 * without a broadcast system airing), sent shuffled with duplicates, under a calendar with school breaks: each figure,
 * series, ranking and drill-down is the independent computation's.
 */
@QuarkusTest
class OutreachIndicatorsTest {

    private static final int YEAR = 2022;
    private static final LocalDate TET_FROM = LocalDate.of(YEAR, 1, 29);
    private static final LocalDate TET_TO = LocalDate.of(YEAR, 2, 6);
    private static final LocalDate SUMMER_FROM = LocalDate.of(YEAR, 6, 1);
    private static final LocalDate SUMMER_TO = LocalDate.of(YEAR, 8, 31);

    private static boolean breaksSet;

    /** The year's school breaks, set once before any of the year's data is sent, on the service and in the ledger. */
    private static synchronized void setSchoolBreaks() {
        if (breaksSet) {
            return;
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("""
                { "holidays": [], "workingWeekendDays": [],
                  "schoolBreaks": [{ "from": "%s", "to": "%s", "name": "Nghỉ Tết" }, { "from": "%s", "to": "%s", "name": "Nghỉ hè" }] }"""
                .formatted(TET_FROM, TET_TO, SUMMER_FROM, SUMMER_TO)).put("/api/v1/calendars/" + YEAR).then().statusCode(201);
        Published.LEDGER.schoolBreak(TET_FROM, TET_TO);
        Published.LEDGER.schoolBreak(SUMMER_FROM, SUMMER_TO);
        breaksSet = true;
    }

    @Test
    void weeklyBroadcastsAndSessionsEqualAnIndependentComputation() {
        setSchoolBreaks();
        DataSet data = new DataSet(20_220_117L, "OUT", 0, YEAR);
        sendAndAwait(data);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);

        // Both indicators count something, and miss something: no comparison of zeros with zeros.
        Map<String, Expected.Pair> year = expected(from, to, data.root);
        for (Expected.Pair pair : year.values()) {
            assertThat(pair.numerator()).isPositive();
            assertThat(pair.denominator()).isGreaterThan(pair.numerator());
        }
        assertThat(year.get("weekly-broadcasts").denominator()).as("the units with a broadcast system").isEqualTo(data.broadcastSystems.size());

        List<String> scopes = new ArrayList<>(List.of(data.root, data.districts.get(0), data.districts.get(1), data.schools.get(0),
                data.schools.get(2)));
        scopes.add(null);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] { from, to },
                new LocalDate[] { LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR, 3, 31) },
                // Tết: the week 31 Jan-6 Feb lies wholly within the break, the week before it does not.
                new LocalDate[] { LocalDate.of(YEAR, 1, 24), LocalDate.of(YEAR, 2, 13) },
                // The summer: no week of the period, so 16 is 0 of 0.
                new LocalDate[] { LocalDate.of(YEAR, 6, 6), LocalDate.of(YEAR, 8, 28) },
                // Wednesday to the next Tuesday: no whole week.
                new LocalDate[] { LocalDate.of(YEAR, 3, 2), LocalDate.of(YEAR, 3, 8) },
                new LocalDate[] { LocalDate.of(YEAR - 1, 12, 20), LocalDate.of(YEAR + 1, 1, 10) });
        for (String unit : scopes) {
            for (LocalDate[] period : periods) {
                Indicators.assertExact(period[0], period[1], unit);
            }
        }
        assertThat(expected(LocalDate.of(YEAR, 6, 6), LocalDate.of(YEAR, 8, 28), data.root).get("weekly-broadcasts"))
                .isEqualTo(new Expected.Pair(0, 0L));
    }

    @Test
    void theGapListsEachUnitWithTheWeeksItMissed() {
        setSchoolBreaks();
        DataSet data = new DataSet(20_220_118L, "OUG", 0, YEAR);
        sendAndAwait(data);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);

        Map<String, List<String>> missed = missedWeeks(data, from, to);
        JsonPath gap = drill("weekly-broadcasts", from, to, data.root, "gap", 0, 500);
        assertThat(gap.getString("subject")).isEqualTo("UNIT");
        Map<String, List<String>> served = new TreeMap<>();
        for (Map<String, Object> item : gap.<Map<String, Object>>getList("items")) {
            @SuppressWarnings("unchecked")
            List<String> weeks = (List<String>) item.get("missedWeeks");
            served.put((String) item.get("unitCode"), weeks);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        missed.forEach((unit, weeks) -> {
            if (!weeks.isEmpty()) {
                expected.put(unit, weeks);
            }
        });
        assertThat(expected).isNotEmpty();
        assertThat(served).isEqualTo(expected);
        assertThat(gap.getLong("total")).isEqualTo(expected.size());

        // The numerator lists the units that aired every week, by code; numerator and gap make the denominator.
        List<String> numerator = drill("weekly-broadcasts", from, to, data.root, "numerator", 0, 500).getList("items.unitCode");
        assertThat(numerator).isEqualTo(missed.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList());
        assertThat(drill("weekly-broadcasts", from, to, data.root, "denominator", 0, 500).getList("items.unitCode"))
                .containsExactlyInAnyOrderElementsOf(data.broadcastSystems);
        // Paged by code.
        assertThat(drill("weekly-broadcasts", from, to, data.root, "gap", 1, 1).getList("items.unitCode"))
                .containsExactly(new ArrayList<>(expected.keySet()).get(1));

        // 17's drill-down: the schools that held a session, and those that did not.
        Set<String> held = new HashSet<>();
        for (OutreachEvent e : data.outreach) {
            if (e.type() == OutreachEventType.SESSION_HELD && data.schools.contains(e.unitCode())
                    && e.occurredAt().atZoneSameInstant(ZoneOffset.ofHours(7)).getYear() == YEAR) {
                held.add(e.unitCode());
            }
        }
        assertThat(drill("schools-with-outreach-sessions", from, to, data.root, "numerator", 0, 500).getList("items.unitCode"))
                .containsExactlyElementsOf(held.stream().sorted().toList());
        assertThat(drill("schools-with-outreach-sessions", from, to, data.root, "gap", 0, 500).getList("items.unitCode"))
                .containsExactlyElementsOf(data.schools.stream().filter(s -> !held.contains(s)).sorted().toList());
    }

    @Test
    void seriesAndRankingsFollowTheDefinition() {
        setSchoolBreaks();
        DataSet data = new DataSet(20_220_119L, "OUS", 0, YEAR);
        sendAndAwait(data);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);

        for (String id : List.of("weekly-broadcasts", "schools-with-outreach-sessions")) {
            List<Map<String, Object>> buckets = given().auth().oauth2(TestTokens.reader()).queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("unit", data.root).queryParam("granularity", "month")
                    .get("/api/v1/indicators/" + id + "/series").then().statusCode(200).extract().jsonPath().getList("buckets");
            assertThat(buckets).hasSize(12);
            for (Map<String, Object> bucket : buckets) {
                LocalDate start = LocalDate.parse((String) bucket.get("start"));
                LocalDate end = LocalDate.parse((String) bucket.get("end"));
                assertThat(pair(bucket.get("bucket"))).as("%s in %s", id, start).isEqualTo(expected(start, end, data.root).get(id));
                assertThat(pair(bucket.get("cumulative"))).as("%s up to %s", id, end).isEqualTo(expected(from, end, data.root).get(id));
            }
            JsonPath ranking = given().auth().oauth2(TestTokens.reader()).queryParam("from", from.toString()).queryParam("to", to.toString())
                    .queryParam("unit", data.root).get("/api/v1/indicators/" + id + "/units").then().statusCode(200).extract().jsonPath();
            assertThat(ranking.getList("units.code")).containsExactlyInAnyOrderElementsOf(data.districts);
            for (Map<String, Object> row : ranking.<Map<String, Object>>getList("units")) {
                Expected.Pair pair = expected(from, to, (String) row.get("code")).get(id);
                assertThat(((Number) row.get("numerator")).longValue()).isEqualTo(pair.numerator());
                assertThat(((Number) row.get("denominator")).longValue()).isEqualTo(pair.denominator());
            }
        }
    }

    /** Sends the data set shuffled with duplicates, and waits until the year's 16 and 17 over its root are the expected ones. */
    private static void sendAndAwait(DataSet data) {
        Published.send(data.shuffledWithDuplicates());
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> outreach(from, to, data.root).equals(expected(from, to, data.root)));
    }

    /** What the independent computation says each unit with a broadcast system missed: the Mondays, in order. */
    private static Map<String, List<String>> missedWeeks(DataSet data, LocalDate from, LocalDate to) {
        Map<String, Set<LocalDate>> aired = new HashMap<>();
        for (OutreachEvent e : data.outreach) {
            if (e.type() == OutreachEventType.BROADCAST_AIRED) {
                LocalDate day = e.occurredAt().atZoneSameInstant(ZoneOffset.ofHours(7)).toLocalDate();
                aired.computeIfAbsent(e.unitCode(), u -> new HashSet<>()).add(day.with(DayOfWeek.MONDAY));
            }
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = from.with(DayOfWeek.MONDAY).isBefore(from) ? from.with(DayOfWeek.MONDAY).plusWeeks(1) : from.with(DayOfWeek.MONDAY);
                !monday.plusDays(6).isAfter(to); monday = monday.plusWeeks(1)) {
            LocalDate sunday = monday.plusDays(6);
            boolean tet = !monday.isBefore(TET_FROM) && !sunday.isAfter(TET_TO);
            boolean summer = !monday.isBefore(SUMMER_FROM) && !sunday.isAfter(SUMMER_TO);
            if (!tet && !summer) {
                weeks.add(monday);
            }
        }
        Map<String, List<String>> missed = new TreeMap<>();
        for (String unit : data.broadcastSystems) {
            Set<LocalDate> done = aired.getOrDefault(unit, Set.of());
            missed.put(unit, weeks.stream().filter(w -> !done.contains(w)).map(LocalDate::toString).toList());
        }
        return missed;
    }

    private static Map<String, Expected.Pair> outreach(LocalDate from, LocalDate to, String unit) {
        Map<String, Expected.Pair> served = Indicators.served(from, to, unit);
        served.keySet().retainAll(Set.of("weekly-broadcasts", "schools-with-outreach-sessions"));
        return served;
    }

    private static Map<String, Expected.Pair> expected(LocalDate from, LocalDate to, String unit) {
        Map<String, Expected.Pair> expected = new TreeMap<>(Expected.indicators(Published.LEDGER, from, to, unit));
        expected.keySet().retainAll(Set.of("weekly-broadcasts", "schools-with-outreach-sessions"));
        return expected;
    }

    private static JsonPath drill(String id, LocalDate from, LocalDate to, String unit, String set, int page, int size) {
        return given().auth().oauth2(TestTokens.reader()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("unit", unit).queryParam("set", set).queryParam("page", page).queryParam("size", size)
                .get("/api/v1/indicators/" + id + "/dossiers").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Expected.Pair pair(Object figures) {
        Map<String, Object> f = (Map<String, Object>) figures;
        Object denominator = f.get("denominator");
        return new Expected.Pair(((Number) f.get("numerator")).longValue(), denominator == null ? null : ((Number) denominator).longValue());
    }
}
