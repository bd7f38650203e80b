package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2 (issue 20): projections to the year's end, each checked against the rule of indicator-service/README.md
 * ("Projections") applied here to the independently computed counts of test-support's {@code Expected}.
 */
@QuarkusTest
class ProjectionsTest {

    /** The indicators whose counts add up over days and that the 2024 plan gives a target: the ones projected. */
    private static final Set<String> PROJECTED_2024 = Set.of("online-submission", "fully-online-dossiers", "dossier-digitization",
            "result-digitization", "dossiers-in-system", "results-synced", "online-payments");
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private static DataSet data;

    @BeforeEach
    void publishADepartmentOnce() {
        if (data != null) {
            return;
        }
        data = new DataSet(20_241_015L, "PJ", 300);
        Published.send(data.shuffledWithDuplicates());
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(from, to, data.root));
    }

    @Test
    void eachProjectionFollowsTheRuleOverTheIndependentCounts() {
        for (LocalDate asOf : List.of(LocalDate.of(2024, 10, 15), LocalDate.of(2024, 2, 10), LocalDate.of(2024, 6, 30))) {
            for (String unit : new String[] { data.root, data.districts.get(1), data.schools.get(3) }) {
                assertFollowsTheRule(asOf, unit);
            }
        }
    }

    @Test
    void onTheLastDayOfTheYearTheProjectionIsTheFigureAndNothingIsNeededPerWeek() {
        LocalDate last = LocalDate.of(2024, 12, 31);
        JsonPath json = projections(last, data.root);
        assertThat(json.getInt("daysLeft")).isZero();
        Map<String, Expected.Pair> year = Expected.indicators(Published.LEDGER, LocalDate.of(2024, 1, 1), last, data.root);
        for (Map<String, Object> p : json.<Map<String, Object>>getList("projections")) {
            Expected.Pair pair = year.get((String) p.get("id"));
            assertThat(decimal(path(p, "projected", "numerator"))).isEqualByComparingTo(BigDecimal.valueOf(pair.numerator()));
            assertThat(decimal(path(p, "projected", "denominator"))).isEqualByComparingTo(BigDecimal.valueOf(pair.denominator()));
            assertThat(p.get("neededPerWeek")).isNull();
            assertThat(p.get("pace")).isNull();
        }
    }

    @Test
    void aBadDayOrUnitIsRefusedNamingIt() {
        given().auth().oauth2(TestTokens.reader()).queryParam("to", "2024-13-01").get("/api/v1/projections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("to"));
        given().auth().oauth2(TestTokens.reader()).queryParam("unit", "NO-SUCH-UNIT").get("/api/v1/projections").then().statusCode(400)
                .body("errors.field", hasItems("unit"));
    }

    private void assertFollowsTheRule(LocalDate asOf, String unit) {
        JsonPath json = projections(asOf, unit);
        String where = asOf + " in " + unit;
        assertThat(json.getBoolean("projection")).isTrue();
        assertThat(json.getString("label.vi")).contains("Dự báo");
        LocalDate yearStart = LocalDate.of(asOf.getYear(), 1, 1);
        LocalDate recentFrom = asOf.minusDays(55).isBefore(yearStart) ? yearStart : asOf.minusDays(55);
        long recentDays = ChronoUnit.DAYS.between(recentFrom, asOf) + 1;
        long daysLeft = ChronoUnit.DAYS.between(asOf, LocalDate.of(asOf.getYear(), 12, 31));
        assertThat(json.getString("recentFrom")).as(where).isEqualTo(recentFrom.toString());
        assertThat(json.getLong("recentDays")).as(where).isEqualTo(recentDays);
        assertThat(json.getLong("daysLeft")).as(where).isEqualTo(daysLeft);

        Map<String, Expected.Pair> soFar = Expected.indicators(Published.LEDGER, yearStart, asOf, unit);
        Map<String, Expected.Pair> recent = Expected.indicators(Published.LEDGER, recentFrom, asOf, unit);
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        for (Map<String, Object> i : Indicators.read(yearStart, asOf, unit).<Map<String, Object>>getList("indicators")) {
            if (i.get("target") != null) {
                targets.put((String) i.get("id"), decimal(i.get("target")));
            }
        }
        List<Map<String, Object>> projections = json.getList("projections");
        assertThat(projections).extracting(p -> (String) p.get("id")).as(where).containsExactlyInAnyOrderElementsOf(PROJECTED_2024);
        assertThat(json.getList("notProjected.id", String.class)).as(where).hasSize(23 - PROJECTED_2024.size())
                .doesNotContainAnyElementsOf(PROJECTED_2024);
        for (Map<String, Object> p : projections) {
            String id = (String) p.get("id");
            String of = id + " as of " + where;
            BigDecimal n = BigDecimal.valueOf(soFar.get(id).numerator());
            BigDecimal d = BigDecimal.valueOf(soFar.get(id).denominator());
            BigDecimal rn = BigDecimal.valueOf(recent.get(id).numerator());
            BigDecimal rd = BigDecimal.valueOf(recent.get(id).denominator());
            BigDecimal left = BigDecimal.valueOf(daysLeft);
            BigDecimal days = BigDecimal.valueOf(recentDays);
            BigDecimal pn = n.add(rn.multiply(left).divide(days, EXACT));
            BigDecimal pd = d.add(rd.multiply(left).divide(days, EXACT));
            assertThat(decimal(path(p, "current", "numerator"))).as(of).isEqualByComparingTo(n);
            assertThat(decimal(path(p, "current", "denominator"))).as(of).isEqualByComparingTo(d);
            assertThat(decimal(path(p, "recentPerWeek", "numerator"))).as(of)
                    .isEqualByComparingTo(rn.multiply(BigDecimal.valueOf(7)).divide(days, 2, RoundingMode.HALF_UP));
            assertThat(decimal(path(p, "projected", "numerator"))).as(of).isEqualByComparingTo(pn.setScale(2, RoundingMode.HALF_UP));
            assertThat(decimal(path(p, "projected", "denominator"))).as(of).isEqualByComparingTo(pd.setScale(2, RoundingMode.HALF_UP));
            BigDecimal value = pd.signum() == 0 ? null : pn.multiply(BigDecimal.valueOf(100)).divide(pd, 2, RoundingMode.HALF_UP);
            BigDecimal target = targets.get(id);
            assertThat(decimal(p.get("target"))).as(of).isEqualByComparingTo(target);
            if (value == null) {
                assertThat(path(p, "projected", "value")).as(of).isNull();
            } else {
                assertThat(decimal(path(p, "projected", "value"))).as(of).isEqualByComparingTo(value);
                assertThat(p.get("meetsTarget")).as(of).isEqualTo(value.compareTo(target) >= 0);
            }
            // The fewest items k still to come with (pn + k) / pd rounding to at least the target, searched, not solved.
            long k = 0;
            while (pd.signum() > 0 && pn.add(BigDecimal.valueOf(k)).multiply(BigDecimal.valueOf(100)).divide(pd, 2, RoundingMode.HALF_UP)
                    .compareTo(target) < 0) {
                k++;
            }
            assertThat(((Number) p.get("neededInAll")).longValue()).as(of).isEqualTo(k);
            long perWeek = BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(7)).divide(left, 0, RoundingMode.CEILING).longValueExact();
            assertThat(((Number) p.get("neededPerWeek")).longValue()).as(of).isEqualTo(perWeek);
            assertThat(p.get("reachable")).as(of).isEqualTo(BigDecimal.valueOf(k)
                    .compareTo(rd.subtract(rn).multiply(left).divide(days, EXACT)) <= 0);
            assertThat(path(p, "pace", "vi")).as(of).isEqualTo("+" + perWeek + " " + ("online-payments".equals(id) ? "giao dịch" : "hồ sơ")
                    + " mỗi tuần");
        }
    }

    private static JsonPath projections(LocalDate asOf, String unit) {
        return given().auth().oauth2(TestTokens.reader()).queryParam("to", asOf.toString()).queryParam("unit", unit)
                .get("/api/v1/projections").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> p, String object, String field) {
        Object o = p.get(object);
        return o == null ? null : ((Map<String, Object>) o).get(field);
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(String.valueOf(o));
    }
}
