package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * The views around the numbers, on a small department whose figures can be read off by eye: one
 * indicator, its series, the ranking of the child units, the drill-down, the plans, and bad parameters.
 */
@QuarkusTest
class QueryEndpointsTest {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);

    private static boolean published;

    @BeforeEach
    void publishASmallDepartmentOnce() {
        if (published) {
            return;
        }
        published = true;
        Applicant adult = new Applicant(ApplicantKind.CITIZEN, "a".repeat(64), true, true);
        Published.send(List.of(
                new UnitRecord("Q-ROOT", "Sở Q", UnitType.DEPARTMENT, null, 1_000L),
                new UnitRecord("Q-A", "Trường Tiểu học A", UnitType.SCHOOL, "Q-ROOT", 400L),
                new UnitRecord("Q-B", "Trường Tiểu học B", UnitType.SCHOOL, "Q-ROOT", null),
                new UnitRecord("Q-C", "Trường Tiểu học C", UnitType.SCHOOL, "Q-ROOT", null),
                new ProcedureRecord("Q-P", "Xác nhận hoàn thành chương trình tiểu học", "Giáo dục tiểu học", true, true, true, false),
                event("Q-1", DossierEventType.SUBMITTED, "Q-A", at(2024, 2, 10), Channel.ONLINE, adult),
                event("Q-2", DossierEventType.SUBMITTED, "Q-A", at(2024, 2, 20), Channel.ONLINE, adult),
                event("Q-3", DossierEventType.SUBMITTED, "Q-B", at(2024, 5, 5), Channel.IN_PERSON,
                        new Applicant(ApplicantKind.CITIZEN, "b".repeat(64), true, false))));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                Indicators.served(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Q-ROOT").get("online-submission")
                        .equals(new Expected.Pair(2, 3L)));
    }

    @Test
    void readsOneIndicatorWithItsNamesTargetAndRoundedValue() {
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-ROOT")
                .get("/api/v1/indicators/online-submission").then().statusCode(200)
                .body("id", equalTo("online-submission"))
                .body("name.vi", equalTo("Tỷ lệ hồ sơ nộp trực tuyến"))
                .body("name.en", equalTo("Dossiers submitted online"))
                .body("numerator", equalTo(2)).body("denominator", equalTo(3))
                .body("value", equalTo(66.67f)).body("target", equalTo(50)).body("met", equalTo(true));
        // One distinct adult applicant, over the scope's adult population.
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-A")
                .get("/api/v1/indicators/adult-online-users").then().statusCode(200)
                .body("numerator", equalTo(1)).body("denominator", equalTo(400)).body("value", equalTo(0.25f))
                .body("met", equalTo(false));
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-B")
                .get("/api/v1/indicators/adult-online-users").then().statusCode(200)
                .body("denominator", nullValue()).body("value", nullValue()).body("met", nullValue());
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-C")
                .get("/api/v1/indicators/online-submission").then().statusCode(200)
                .body("denominator", equalTo(0)).body("value", nullValue()).body("met", nullValue());
    }

    @Test
    void seriesGivesEachBucketAndTheRunningFigures() {
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-06-30").queryParam("unit", "Q-ROOT")
                .queryParam("granularity", "month")
                .get("/api/v1/indicators/online-submission/series").then().statusCode(200)
                .body("granularity", equalTo("month"))
                .body("buckets.start", contains("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"))
                .body("buckets[1].end", equalTo("2024-02-29"))
                .body("buckets[1].bucket.numerator", equalTo(2)).body("buckets[1].bucket.denominator", equalTo(2))
                .body("buckets[4].bucket.numerator", equalTo(0)).body("buckets[4].bucket.denominator", equalTo(1))
                .body("buckets[4].cumulative.numerator", equalTo(2)).body("buckets[4].cumulative.denominator", equalTo(3))
                .body("buckets[0].bucket.value", nullValue());
        reader().queryParam("from", "2024-02-05").queryParam("to", "2024-02-20").queryParam("unit", "Q-ROOT")
                .queryParam("granularity", "week")
                .get("/api/v1/indicators/online-submission/series").then().statusCode(200)
                .body("buckets.start", contains("2024-02-05", "2024-02-12", "2024-02-19"))
                .body("buckets.end", contains("2024-02-11", "2024-02-18", "2024-02-20"));
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-ROOT")
                .queryParam("granularity", "quarter")
                .get("/api/v1/indicators/online-submission/series").then().statusCode(200)
                .body("buckets.end", contains("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"));
    }

    @Test
    void ranksTheChildUnitsOfTheScope() {
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-ROOT")
                .get("/api/v1/indicators/online-submission/units").then().statusCode(200)
                .body("units.code", contains("Q-A", "Q-B", "Q-C"))
                .body("units.rank", contains(1, 2, null))
                .body("units[0].value", equalTo(100.0f)).body("units[0].name", equalTo("Trường Tiểu học A"))
                .body("units[1].value", equalTo(0.0f)).body("units[2].value", nullValue());
    }

    @Test
    void drillsDownToTheDossiersBehindANumber() {
        String path = "/api/v1/indicators/online-submission/dossiers";
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-ROOT")
                .queryParam("set", "numerator").get(path).then().statusCode(200)
                .body("subject", equalTo("DOSSIER")).body("total", equalTo(2))
                .body("items.dossierCode", contains("Q-1", "Q-2"));
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-ROOT")
                .queryParam("set", "gap").get(path).then().statusCode(200)
                .body("total", equalTo(1)).body("items.dossierCode", contains("Q-3"));
        reader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", "Q-ROOT")
                .queryParam("set", "denominator").queryParam("size", 2).queryParam("page", 1).get(path).then().statusCode(200)
                .body("total", equalTo(3)).body("items.dossierCode", contains("Q-3"))
                .body(org.hamcrest.Matchers.not(containsString("aaaaaaaa")));
        reader().queryParam("unit", "Q-ROOT").queryParam("set", "denominator")
                .get("/api/v1/indicators/adult-online-users/dossiers").then().statusCode(400).body("errors[0].field", equalTo("set"));
    }

    @Test
    void theTwentyTwentyFourPlanIsBuiltInAndLaterYearsFallBackToIt() {
        reader().get("/api/v1/plans/2024").then().statusCode(200)
                .body("planYear", equalTo(2024))
                .body("targets.'online-submission'", equalTo(50))
                .body("targets.'online-payments'", equalTo(45))
                .body("targets.'cashless-payments'", nullValue());
        reader().get("/api/v1/plans/2029").then().statusCode(200).body("year", equalTo(2029)).body("planYear", equalTo(2024));
        reader().get("/api/v1/plans/2019").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdministratorSetsAYearsTargetsAndTheIndicatorsUseThem() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{ \"targets\": { \"online-submission\": 70, \"satisfaction\": 85.5 } }")
                .put("/api/v1/plans/2030").then().statusCode(201)
                .body("planYear", equalTo(2030)).body("targets.'online-submission'", equalTo(70))
                .body("targets.'online-payments'", nullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{ \"targets\": { \"online-submission\": 75 } }")
                .put("/api/v1/plans/2030").then().statusCode(200).body("targets.'online-submission'", equalTo(75));
        reader().queryParam("from", "2030-01-01").queryParam("to", "2030-12-31").get("/api/v1/indicators/online-submission")
                .then().body("target", equalTo(75));
        reader().queryParam("from", "2031-01-01").queryParam("to", "2031-03-31").get("/api/v1/indicators/online-submission")
                .then().body("target", equalTo(75));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{ \"targets\": { \"online-submision\": 70, \"satisfaction\": 150 } }")
                .put("/api/v1/plans/2032").then().statusCode(422)
                .body("errors.field", hasItems("targets.online-submision", "targets.satisfaction"));
        reader().get("/api/v1/plans/2032").then().body("planYear", equalTo(2030));
    }

    @Test
    void badParametersGetAClearProblem() {
        reader().queryParam("unit", "NO-SUCH-UNIT").get("/api/v1/indicators").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unit"));
        reader().queryParam("from", "2024-12-01").queryParam("to", "2024-01-01").get("/api/v1/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        reader().queryParam("from", "01/02/2024").queryParam("to", "2024-02-30").get("/api/v1/indicators").then().statusCode(400)
                .body("errors.field", hasItems("from", "to"));
        reader().get("/api/v1/indicators/no-such-indicator").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("online-submission"));
        reader().queryParam("granularity", "hour").get("/api/v1/indicators/online-submission/series").then().statusCode(400)
                .body("errors[0].field", equalTo("granularity"));
        reader().queryParam("set", "all").get("/api/v1/indicators/online-submission/dossiers").then().statusCode(400)
                .body("errors[0].field", equalTo("set"));
        reader().queryParam("size", 5000).get("/api/v1/indicators/online-submission/dossiers").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void theContractsBoundsAreRefusedNamingTheParameter() {
        // r2, section 5: from not before 2000-01-01, to before from plus 10 years, four-digit years.
        reader().queryParam("from", "1999-12-31").queryParam("to", "2000-12-31").get("/api/v1/indicators").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
        reader().queryParam("from", "2000-01-01").queryParam("to", "2009-12-31").get("/api/v1/indicators").then().statusCode(200);
        reader().queryParam("from", "2000-01-01").queryParam("to", "2010-01-01").get("/api/v1/indicators").then().statusCode(400)
                .body("errors.field", contains("to"));
        reader().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").get("/api/v1/indicators/online-submission/series")
                .then().statusCode(400).body("errors.field", hasItems("from"));
        reader().queryParam("to", "+999999999-12-31").get("/api/v1/indicators").then().statusCode(400)
                .body("errors.field", contains("to"));
        reader().queryParam("to", "9999-12-31").get("/api/v1/indicators").then().statusCode(400).body("errors.field", contains("to"));
        // A series of at most 1,000 buckets: 1,000 days are served, 1,001 are not.
        reader().queryParam("from", "2024-01-01").queryParam("to", "2026-09-26").queryParam("granularity", "day")
                .get("/api/v1/indicators/online-submission/series").then().statusCode(200).body("buckets", hasSize(1_000));
        reader().queryParam("from", "2024-01-01").queryParam("to", "2026-09-27").queryParam("granularity", "day")
                .get("/api/v1/indicators/online-submission/series").then().statusCode(400).body("errors.field", contains("granularity"));
        reader().queryParam("from", "2015-01-01").queryParam("to", "2024-12-31").queryParam("granularity", "week")
                .get("/api/v1/indicators/online-submission/series").then().statusCode(200);
        // A drill-down page: size 1-500, page at most 100,000; never an overflow (a 500).
        String dossiers = "/api/v1/indicators/online-submission/dossiers";
        reader().queryParam("size", 500).get(dossiers).then().statusCode(200);
        reader().queryParam("size", 501).get(dossiers).then().statusCode(400).body("errors.field", contains("size"));
        reader().queryParam("size", 0).get(dossiers).then().statusCode(400).body("errors.field", contains("size"));
        reader().queryParam("page", 100_000).queryParam("size", 500).get(dossiers).then().statusCode(200).body("items", hasSize(0));
        reader().queryParam("page", 3_000_000).queryParam("size", 1_000).get(dossiers).then().statusCode(400)
                .body("errors.field", hasItems("page", "size"));
        reader().queryParam("page", "two").get(dossiers).then().statusCode(400).body("errors.field", contains("page"));
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.reader());
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 9, 0, 0, 0, VN);
    }

    private static DossierEvent event(String dossier, DossierEventType type, String unit, OffsetDateTime at, Channel channel,
            Applicant applicant) {
        return new DossierEvent(dossier + "-" + type, type, at, dossier, "Q-P", unit, channel, channel == Channel.ONLINE,
                applicant, null, null, null);
    }
}
