package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2 (issue 20): the public's figures, with no token: the department's and each district's against the plan, one
 * unit's for a widget; counts only, nothing per dossier or person; cacheable. The public page and the widget are served
 * with no sign-in, and only the widget may be framed.
 */
@QuarkusTest
class PublicIndicatorsTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    /** Every field the public answer may carry: anything else (a dossier code, an applicant, a drill-down) is a leak. */
    private static final Set<String> TOP = Set.of("year", "from", "to", "asOf", "lastEventAt", "units");
    private static final Set<String> UNIT = Set.of("code", "name", "type", "level", "indicators");
    private static final Set<String> FIGURE = Set.of("id", "name", "numerator", "denominator", "value", "target", "met");

    @Test
    void theDepartmentAndEachDistrictAgainstThePlanWithNoTokenAndNothingPersonal() {
        DataSet data = new DataSet(20_240_401L, "PUB", 150);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root));

        Response response = given().queryParam("year", "2024").get("/api/v1/public/indicators");
        response.then().statusCode(200).header("Cache-Control", containsString("public")).header("Cache-Control", containsString("max-age=60"));
        JsonPath json = response.jsonPath();
        assertThat(json.getMap("").keySet()).isSubsetOf(TOP);
        List<Map<String, Object>> units = json.getList("units");
        Map<String, Object> department = units.stream().filter(u -> data.root.equals(u.get("code"))).findFirst().orElseThrow();
        assertThat(department.get("level")).isEqualTo("DEPARTMENT");
        assertFigures(department, Expected.indicators(Published.LEDGER, FROM, TO, data.root));
        for (String district : data.districts) {
            Map<String, Object> row = units.stream().filter(u -> district.equals(u.get("code"))).findFirst().orElseThrow();
            assertThat(row.get("level")).isEqualTo("DISTRICT");
            assertFigures(row, Expected.indicators(Published.LEDGER, FROM, TO, district));
        }
        // A school is not listed on the department's page (only the department and its districts) ...
        String school = data.reference.stream().filter(r -> r instanceof UnitRecord u && u.parentCode() != null
                && data.districts.contains(u.parentCode())).map(r -> ((UnitRecord) r).code()).findFirst().orElseThrow();
        assertThat(units).noneMatch(u -> school.equals(u.get("code")));
        // ... but its widget asks for it, and for one indicator.
        JsonPath widget = given().queryParam("year", "2024").queryParam("unit", school).queryParam("indicator", "online-submission")
                .get("/api/v1/public/indicators").then().statusCode(200).extract().jsonPath();
        assertThat(widget.getList("units.code")).containsExactly(school);
        assertThat(widget.getList("units[0].indicators.id")).containsExactly("online-submission");
        Expected.Pair pair = Expected.indicators(Published.LEDGER, FROM, TO, school).get("online-submission");
        assertThat(widget.getLong("units[0].indicators[0].numerator")).isEqualTo(pair.numerator());
        assertThat(widget.getLong("units[0].indicators[0].denominator")).isEqualTo(pair.denominator());
        // Nothing of any dossier or applicant anywhere in the text.
        String text = response.asString();
        data.events.stream().filter(e -> e instanceof vn.edu.haiphong.dvc.contract.DossierEvent).limit(50)
                .map(e -> ((vn.edu.haiphong.dvc.contract.DossierEvent) e).dossierCode()).forEach(code -> assertThat(text).doesNotContain(code));
        data.events.stream().filter(e -> e instanceof vn.edu.haiphong.dvc.contract.DossierEvent d && d.applicant() != null).limit(50)
                .map(e -> ((vn.edu.haiphong.dvc.contract.DossierEvent) e).applicant().idHash())
                .forEach(hash -> assertThat(text).doesNotContain(hash));
        assertThat(text).doesNotContain("dossierCode").doesNotContain("idHash");
    }

    @Test
    void badParametersAreNamedAndThePublicPagesNeedNoSignInAndOnlyTheWidgetMayBeFramed() {
        given().queryParam("year", "1999").queryParam("unit", "NO-SUCH").queryParam("indicator", "nope").get("/api/v1/public/indicators")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("year", "unit", "indicator"));
        given().get("/api/v1/public/config").then().statusCode(200).body("dossierServiceUrl", containsString("http"));
        String page = given().get("/public/index.html").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(page).contains("frame-ancestors 'none'").contains("script-src 'self'");
        String widget = given().get("/public/widget.html").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(widget).contains("frame-ancestors *").contains("script-src 'self'").doesNotContain("unsafe-inline");
        given().get("/public/widget.js").then().statusCode(200).contentType(containsString("javascript"));
        // The officials' dashboard still may not be framed.
        assertThat(given().get("/").then().statusCode(200).extract().header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @SuppressWarnings("unchecked")
    private static void assertFigures(Map<String, Object> unit, Map<String, Expected.Pair> expected) {
        assertThat(unit.keySet()).isSubsetOf(UNIT);
        List<Map<String, Object>> figures = (List<Map<String, Object>>) unit.get("indicators");
        assertThat(figures).hasSize(expected.size());
        for (Map<String, Object> f : figures) {
            assertThat(f.keySet()).isSubsetOf(FIGURE);
            Expected.Pair pair = expected.get((String) f.get("id"));
            assertThat(((Number) f.get("numerator")).longValue()).as("%s of %s", f.get("id"), unit.get("code")).isEqualTo(pair.numerator());
            Object denominator = f.get("denominator");
            assertThat(denominator == null ? null : ((Number) denominator).longValue()).isEqualTo(pair.denominator());
            if (f.get("value") != null && f.get("target") != null) {
                assertThat(f.get("met")).isEqualTo(new BigDecimal(String.valueOf(f.get("value")))
                        .compareTo(new BigDecimal(String.valueOf(f.get("target")))) >= 0);
            }
        }
    }
}
