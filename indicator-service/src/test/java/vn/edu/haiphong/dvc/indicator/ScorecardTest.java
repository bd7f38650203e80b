package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2: the national scorecard (CONTRACT section 10) over a generated department: every criterion's value, points and
 * "needed", each group's and the total's points, as computed here from the independently computed indicators with the
 * contract's 2024 table written below; the ranking of the units below a scope; a PUT definition showing at once; the
 * series by month.
 */
@QuarkusTest
class ScorecardTest {

    /** The contract's table for 2024, written here on purpose rather than read from the service. */
    record Criterion(String id, String indicator, int maxPoints, int fullAt) {

        String group() {
            return id.substring(0, id.indexOf('.'));
        }
    }

    static final List<Criterion> TABLE_2024 = List.of(
            new Criterion("2.1", "processed-on-time", 20, 100),
            new Criterion("3.1", "fully-online-of-eligible", 12, 100),
            new Criterion("4.1", "fee-procedures-with-dossiers", 2, 80),
            new Criterion("4.2", "fee-procedures-paid-online", 2, 80),
            new Criterion("4.3", "dossiers-paid-online", 6, 100),
            new Criterion("5.1", "result-digitization", 6, 100),
            new Criterion("5.2", "dossier-and-result-digitized", 4, 80),
            new Criterion("5.7", "vneid-applicants", 2, 100),
            new Criterion("6.4", "handled-without-complaint", 6, 90));

    static final Map<String, Integer> GROUPS_2024 = new LinkedHashMap<>();

    static {
        GROUPS_2024.put("2", 20);
        GROUPS_2024.put("3", 12);
        GROUPS_2024.put("4", 10);
        GROUPS_2024.put("5", 22);
        GROUPS_2024.put("6", 18);
    }

    static final LocalDate YEAR_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate YEAR_TO = LocalDate.of(2024, 12, 31);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataSet data;

    @BeforeEach
    void publishADepartmentOnce() {
        if (data != null) {
            return;
        }
        data = new DataSet(20_240_766L, "SC", 300);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(YEAR_FROM, YEAR_TO, data.root) && Indicators.matches(YEAR_FROM, YEAR_TO, null));
    }

    @Test
    void pointsEqualTheContractsFormulaOverTheIndependentIndicators() {
        // The data set gives every criterion of 2024 a value, and loses points somewhere: no comparison of empty scorecards.
        Map<String, Expected.Pair> year = Expected.indicators(Published.LEDGER, YEAR_FROM, YEAR_TO, data.root);
        for (Criterion c : TABLE_2024) {
            assertThat(year.get(c.indicator())).as(c.indicator()).isNotNull();
            assertThat(year.get(c.indicator()).denominator()).as("denominator of %s", c.indicator()).isPositive();
        }
        JsonPath yearCard = scorecard(YEAR_FROM, YEAR_TO, data.root);
        assertThat(decimal(yearCard.get("earned"))).isLessThan(decimal(yearCard.get("possible")));

        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        List<LocalDate[]> periods = List.of(
                new LocalDate[] { YEAR_FROM, YEAR_TO },
                new LocalDate[] { YEAR_FROM, LocalDate.of(2024, 3, 31) },
                new LocalDate[] { LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31) },
                new LocalDate[] { LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30) },
                // This year, the future included: its definition is 2024's, and the open dossiers are judged now.
                new LocalDate[] { LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31) },
                new LocalDate[] { YEAR_FROM, today });
        List<String> scopes = new ArrayList<>(List.of(data.root, data.districts.get(0), data.districts.get(2), data.schools.get(0)));
        scopes.add(null);
        for (String unit : scopes) {
            for (LocalDate[] period : periods) {
                assertScorecard(period[0], period[1], unit, TABLE_2024, "766-2024.1");
            }
        }
    }

    /** The served scorecard against the formula applied here to {@link Expected}'s numerators and denominators. */
    private static void assertScorecard(LocalDate from, LocalDate to, String unit, List<Criterion> table, String version) {
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, from, to, unit);
        JsonPath card = scorecard(from, to, unit);
        String where = from + ".." + to + " in " + (unit == null ? "every unit" : unit);
        assertThat(card.getString("version")).isEqualTo(version);
        assertThat(card.getInt("definitionYear")).isEqualTo(2024);
        assertThat(card.getBoolean("estimate")).isTrue();
        assertThat(card.getString("from")).isEqualTo(from.toString());
        assertThat(card.getString("unit")).isEqualTo(unit);
        assertThat(decimal(card.get("maxPoints"))).isEqualByComparingTo("100");
        assertThat(card.getList("notComputed.id")).containsExactly("1", "5.3-5.6", "6.1-6.3");
        assertThat(card.getList("notComputed.maxPoints").stream().map(ScorecardTest::decimal).map(BigDecimal::intValue).toList())
                .containsExactly(18, 10, 12);
        assertThat(card.getList("groups.id")).as(where).containsExactlyElementsOf(GROUPS_2024.keySet());

        Sum total = new Sum();
        for (String group : GROUPS_2024.keySet()) {
            Map<String, Object> served = card.getMap("groups.find { it.id == '" + group + "' }");
            assertThat(decimal(served.get("maxPoints"))).as("maxPoints of group %s", group).isEqualByComparingTo(
                    BigDecimal.valueOf(GROUPS_2024.get(group)));
            Sum sum = new Sum();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) served.get("criteria");
            List<Criterion> ofGroup = table.stream().filter(c -> c.group().equals(group)).toList();
            assertThat(criteria.stream().map(c -> c.get("id")).toList()).containsExactlyElementsOf(ofGroup.stream().map(Criterion::id).toList());
            for (int i = 0; i < ofGroup.size(); i++) {
                Criterion c = ofGroup.get(i);
                Map<String, Object> s = criteria.get(i);
                String at = c.id() + " over " + where;
                Expected.Pair pair = expected.get(c.indicator());
                assertThat(s.get("indicator")).isEqualTo(c.indicator());
                assertThat(decimal(s.get("fullAt"))).isEqualByComparingTo(BigDecimal.valueOf(c.fullAt()));
                assertThat(decimal(s.get("maxPoints"))).isEqualByComparingTo(BigDecimal.valueOf(c.maxPoints()));
                if (pair == null || pair.denominator() == null || pair.denominator() == 0) {
                    assertThat(s.get("value")).as("value of %s", at).isNull();
                    assertThat(s.get("points")).as("points of %s", at).isNull();
                    assertThat(s.get("pointsLost")).as("pointsLost of %s", at).isNull();
                    assertThat(s.get("needed")).as("needed of %s", at).isNull();
                    continue;
                }
                assertThat(((Number) s.get("numerator")).longValue()).as("numerator of %s", at).isEqualTo(pair.numerator());
                assertThat(((Number) s.get("denominator")).longValue()).as("denominator of %s", at).isEqualTo(pair.denominator());
                BigDecimal value = percent(pair.numerator(), pair.denominator());
                assertThat(decimal(s.get("value"))).as("value of %s", at).isEqualByComparingTo(value);
                // maxPoints × min(1, value / fullAt) exactly, as a fraction of integers: value in hundredths over fullAt × 100.
                long hundredths = value.movePointRight(2).longValueExact();
                long full = c.fullAt() * 100L;
                BigInteger numerator = BigInteger.valueOf(c.maxPoints()).multiply(BigInteger.valueOf(Math.min(hundredths, full)));
                BigInteger denominator = BigInteger.valueOf(full);
                BigDecimal points = new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
                assertThat(decimal(s.get("points"))).as("points of %s", at).isEqualByComparingTo(points);
                assertThat(decimal(s.get("pointsLost"))).as("pointsLost of %s", at)
                        .isEqualByComparingTo(BigDecimal.valueOf(c.maxPoints()).subtract(points));
                assertThat(((Number) s.get("needed")).longValue()).as("needed of %s", at)
                        .isEqualTo(neededForFullPoints(pair.numerator(), pair.denominator(), c.fullAt()));
                sum.add(numerator, denominator, c.maxPoints());
                total.add(numerator, denominator, c.maxPoints());
            }
            assertThat(decimal(served.get("earned"))).as("earned of group %s over %s", group, where).isEqualByComparingTo(sum.rounded());
            assertThat(decimal(served.get("possible"))).as("possible of group %s over %s", group, where)
                    .isEqualByComparingTo(BigDecimal.valueOf(sum.possible));
        }
        assertThat(decimal(card.get("earned"))).as("earned over %s", where).isEqualByComparingTo(total.rounded());
        assertThat(decimal(card.get("possible"))).as("possible over %s", where).isEqualByComparingTo(BigDecimal.valueOf(total.possible));
    }

    /** Exact points summed as one fraction (denominators multiplied out), rounded half-up once at the end. */
    private static final class Sum {
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        long possible;

        void add(BigInteger n, BigInteger d, int maxPoints) {
            numerator = numerator.multiply(d).add(n.multiply(denominator));
            denominator = denominator.multiply(d);
            possible += maxPoints;
        }

        BigDecimal rounded() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
        }
    }

    /** The smallest k whose k more items in the numerator make the rounded value reach fullAt, found by counting. */
    private static long neededForFullPoints(long numerator, long denominator, int fullAt) {
        BigDecimal target = BigDecimal.valueOf(fullAt);
        long k = 0;
        while (percent(numerator + k, denominator).compareTo(target) < 0) {
            k++;
        }
        return k;
    }

    @Test
    void theRankingOfTheUnitsBelowIsTheirOwnScorecardsSorted() {
        List<String> scopes = new ArrayList<>(List.of(data.root, data.districts.get(1)));
        scopes.add(null);
        for (String unit : scopes) {
            RequestSpecification request = reader().queryParam("from", YEAR_FROM.toString()).queryParam("to", YEAR_TO.toString());
            if (unit != null) {
                request = request.queryParam("unit", unit);
            }
            JsonPath ranking = request.get("/api/v1/scorecard/units").then().statusCode(200).extract().jsonPath();
            assertThat(ranking.getString("version")).isEqualTo("766-2024.1");
            assertThat(ranking.getBoolean("estimate")).isTrue();
            List<Map<String, Object>> units = ranking.getList("units");
            if (unit != null) {
                assertThat(units).as("children of %s", unit).isNotEmpty();
            }
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Map<String, Object> row : units) {
                String code = (String) row.get("code");
                JsonPath own = scorecard(YEAR_FROM, YEAR_TO, code);
                assertThat(decimal(row.get("earned"))).as("earned of %s", code).isEqualByComparingTo(decimal(own.get("earned")));
                assertThat(decimal(row.get("possible"))).as("possible of %s", code).isEqualByComparingTo(decimal(own.get("possible")));
                assertThat(((List<?>) row.get("groups")).size()).isEqualTo(own.getList("groups").size());
                expected.add(Map.of("code", code, "earned", decimal(own.get("earned"))));
            }
            expected.sort(Comparator.comparing((Map<String, Object> m) -> (BigDecimal) m.get("earned")).reversed()
                    .thenComparing(m -> (String) m.get("code")));
            assertThat(units.stream().map(u -> u.get("code")).toList()).as("order below %s", unit)
                    .containsExactlyElementsOf(expected.stream().map(m -> m.get("code")).toList());
            for (int i = 0; i < units.size(); i++) {
                int rank = ((Number) units.get(i).get("rank")).intValue();
                boolean tie = i > 0 && decimal(units.get(i).get("earned")).compareTo(decimal(units.get(i - 1).get("earned"))) == 0;
                assertThat(rank).as("rank of %s", units.get(i).get("code"))
                        .isEqualTo(tie ? ((Number) units.get(i - 1).get("rank")).intValue() : i + 1);
            }
        }
        // The districts below the root are ranked, and their totals differ (a ranking of equal zeros would prove nothing).
        List<Map<String, Object>> districts = reader().queryParam("from", YEAR_FROM.toString()).queryParam("to", YEAR_TO.toString())
                .queryParam("unit", data.root).get("/api/v1/scorecard/units").then().extract().jsonPath().getList("units");
        assertThat(districts.stream().map(d -> decimal(d.get("earned"))).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aPutDefinitionChangesTheNextAnswerAtOnce() throws Exception {
        String original = reader().get("/api/v1/scorecards/2024").then().statusCode(200).extract().asString();
        JsonPath definition = new JsonPath(original);
        assertThat(definition.getString("version")).isEqualTo("766-2024.1");
        assertThat(definition.getInt("definitionYear")).isEqualTo(2024);
        assertThat(definition.getList("criteria.id")).containsExactlyElementsOf(TABLE_2024.stream().map(Criterion::id).toList());
        assertThat(definition.getList("criteria.indicator")).containsExactlyElementsOf(TABLE_2024.stream().map(Criterion::indicator).toList());
        assertThat(definition.getString("groups.find { it.id == '5' }.name.vi")).isEqualTo("Số hóa hồ sơ");
        assertThat(definition.getString("notComputed.find { it.id == '1' }.name.vi")).isEqualTo("Công khai, minh bạch");

        ObjectNode edited = (ObjectNode) JSON.readTree(original);
        edited.put("version", "766-2024.test");
        for (JsonNode criterion : edited.get("criteria")) {
            if (criterion.get("id").asText().equals("2.1")) {
                ((ObjectNode) criterion).put("fullAt", 50);
            }
        }
        String changed = JSON.writeValueAsString(edited);
        List<Criterion> table = new ArrayList<>(TABLE_2024);
        table.set(0, new Criterion("2.1", "processed-on-time", 20, 50));
        try {
            admin().contentType(ContentType.JSON).body(changed).put("/api/v1/scorecards/2024").then().statusCode(200)
                    .body("version", equalTo("766-2024.test")).body("definitionYear", equalTo(2024));
            assertScorecard(YEAR_FROM, YEAR_TO, data.root, table, "766-2024.test");
            assertScorecard(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), data.districts.get(0), table, "766-2024.test");
        } finally {
            admin().contentType(ContentType.JSON).body(original).put("/api/v1/scorecards/2024").then().statusCode(200);
        }
        assertScorecard(YEAR_FROM, YEAR_TO, data.root, TABLE_2024, "766-2024.1");
    }

    @Test
    void definitionsPerYearAndTheirRefusals() {
        // A later year uses 2024's; before 2024 there is none.
        reader().get("/api/v1/scorecards/2031").then().statusCode(200).body("year", equalTo(2031)).body("definitionYear", equalTo(2024))
                .body("version", equalTo("766-2024.1"));
        reader().get("/api/v1/scorecards/1999").then().statusCode(404).contentType("application/problem+json");
        reader().get("/api/v1/scorecards/2023").then().statusCode(404);
        reader().queryParam("from", "2023-01-01").queryParam("to", "2023-12-31").get("/api/v1/scorecard").then().statusCode(404)
                .contentType("application/problem+json");
        reader().queryParam("from", "2024-02-30").get("/api/v1/scorecard").then().statusCode(400).body("errors[0].field", equalTo("from"));
        reader().queryParam("unit", "SC-NO-SUCH").get("/api/v1/scorecard/units").then().statusCode(400)
                .body("errors[0].field", equalTo("unit"));

        String body = """
                { "version": "766-2097.1",
                  "groups": [ { "id": "A", "name": { "vi": "Nhóm A", "en": "Group A" }, "maxPoints": 10 } ],
                  "criteria": [ { "id": "A.1", "indicator": "online-submission", "maxPoints": 10, "fullAt": 50 } ],
                  "notComputed": [ { "id": "B", "name": { "vi": "Nhóm B", "en": "Group B" }, "maxPoints": 5,
                                     "dataNeeded": { "vi": "Dữ liệu B", "en": "Data B" } } ] }""";
        reader().contentType(ContentType.JSON).body(body).put("/api/v1/scorecards/2097").then().statusCode(403);
        admin().contentType(ContentType.JSON).body(body).put("/api/v1/scorecards/2097").then().statusCode(201)
                .body("year", equalTo(2097)).body("definitionYear", equalTo(2097)).body("version", equalTo("766-2097.1"));
        admin().contentType(ContentType.JSON).body(body).put("/api/v1/scorecards/2097").then().statusCode(200);
        reader().get("/api/v1/scorecards/2098").then().statusCode(200).body("definitionYear", equalTo(2097))
                .body("criteria[0].fullAt", equalTo(50));
        // The total: the group's points and the not-computed group outside it.
        JsonPath later = scorecard(LocalDate.of(2097, 1, 1), LocalDate.of(2097, 1, 31), null);
        assertThat(later.getString("version")).isEqualTo("766-2097.1");
        assertThat(decimal(later.get("maxPoints"))).isEqualByComparingTo("15");
        assertThat(decimal(later.get("possible"))).isEqualByComparingTo("0");
        assertThat(decimal(later.get("earned"))).isEqualByComparingTo("0");
        assertThat(later.getList("groups.id")).containsExactly("A");
        assertThat(later.<Object>getList("groups[0].criteria.points")).containsExactly((Object) null);

        String bad = """
                { "version": "",
                  "groups": [ { "id": "A", "name": { "vi": "Nhóm A", "en": "Group A" }, "maxPoints": 5 },
                              { "id": "A", "name": { "vi": "", "en": "Group A again" }, "maxPoints": 0 } ],
                  "criteria": [ { "id": "A.1", "indicator": "no-such-indicator", "maxPoints": 4, "fullAt": 0 },
                                { "id": "A.1", "indicator": "online-submission", "maxPoints": 4, "fullAt": 101 },
                                { "id": "Z.1", "indicator": "online-submission", "maxPoints": -1, "fullAt": 100 } ],
                  "notComputed": [ { "id": "A.9", "name": { "vi": "x", "en": "x" }, "maxPoints": 2, "dataNeeded": { "vi": "x", "en": "x" } } ] }""";
        admin().contentType(ContentType.JSON).body(bad).put("/api/v1/scorecards/2096").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("version", "groups[1].id", "groups[1].name.vi", "groups[1].maxPoints",
                        "criteria[0].indicator", "criteria[0].fullAt", "criteria[1].id", "criteria[1].fullAt", "criteria[2].id",
                        "criteria[2].maxPoints", "groups[0].maxPoints"));
        admin().contentType(ContentType.JSON).body(body.replace("766-2097.1", "x".repeat(65))).put("/api/v1/scorecards/1999")
                .then().statusCode(422).body("errors.field", hasItems("year", "version"));
        // Nothing was stored by the refusals.
        reader().get("/api/v1/scorecards/2096").then().statusCode(200).body("definitionYear", equalTo(2024));
        reader().get("/api/v1/scorecards/1999").then().statusCode(404);
    }

    @Test
    void theSeriesHasOneBucketPerMonthEachItsOwnScorecard() {
        JsonPath series = reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", data.root)
                .get("/api/v1/scorecard/series").then().statusCode(200).extract().jsonPath();
        assertThat(series.getBoolean("estimate")).isTrue();
        List<Map<String, Object>> buckets = series.getList("buckets");
        assertThat(buckets).hasSize(12);
        for (Map<String, Object> bucket : buckets) {
            LocalDate from = LocalDate.parse((String) bucket.get("from"));
            LocalDate to = LocalDate.parse((String) bucket.get("to"));
            assertThat(from.getDayOfMonth()).isEqualTo(1);
            assertThat(to).isEqualTo(from.withDayOfMonth(from.lengthOfMonth()));
            JsonPath month = scorecard(from, to, data.root);
            assertThat(bucket.get("version")).isEqualTo("766-2024.1");
            assertThat(decimal(bucket.get("earned"))).as("earned in %s", from).isEqualByComparingTo(decimal(month.get("earned")));
            assertThat(decimal(bucket.get("possible"))).as("possible in %s", from).isEqualByComparingTo(decimal(month.get("possible")));
        }
        assertScorecard(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), data.root, TABLE_2024, "766-2024.1");

        // Clipped to the period; a month of a year before any definition has no points.
        List<Map<String, Object>> clipped = reader().queryParam("from", "2023-12-10").queryParam("to", "2024-02-15")
                .queryParam("unit", data.districts.get(0)).get("/api/v1/scorecard/series").then().statusCode(200).extract().jsonPath()
                .getList("buckets");
        assertThat(clipped.stream().map(b -> b.get("from") + ".." + b.get("to")).toList())
                .containsExactly("2023-12-10..2023-12-31", "2024-01-01..2024-01-31", "2024-02-01..2024-02-15");
        assertThat(clipped.get(0).get("version")).isNull();
        assertThat(clipped.get(0).get("earned")).isNull();
        assertThat(decimal(clipped.get(2).get("earned")))
                .isEqualByComparingTo(decimal(scorecard(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 15), data.districts.get(0)).get("earned")));
    }

    private static JsonPath scorecard(LocalDate from, LocalDate to, String unit) {
        RequestSpecification request = reader().queryParam("from", from.toString()).queryParam("to", to.toString());
        if (unit != null) {
            request = request.queryParam("unit", unit);
        }
        return request.get("/api/v1/scorecard").then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /** A JSON number as a decimal, whatever type the JSON reader chose for it. */
    static BigDecimal decimal(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.reader());
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }
}
