package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Audience;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.OpenApiChecks;
import vn.edu.haiphong.dvc.testing.RoleMatrix;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * A unit's own broadcasts week by week (GET /api/v1/outreach/weeks): the weeks of the period as section 5 defines them
 * (whole Monday-Sunday weeks on the department's clock, those wholly within a school break marked and not counted), the
 * unit's own BROADCAST_AIRED events only, and who may read them (a school's unit-reporter: its own unit and below).
 * Its data lie in 2021, a year no other test of the module uses, with a summer break set for the year.
 */
@QuarkusTest
class OutreachWeeksTest {

    static final String ROOT = "OW";
    static final String A = "OW-A";
    static final String A1 = "OW-A1";
    static final String B = "OW-B";
    private static final String PERIOD_FROM = "2021-05-01";
    private static final String PERIOD_TO = "2021-06-20";
    private static boolean published;

    @BeforeEach
    void publishTheSchools() {
        publishTheSchoolsOnce();
    }

    /** The schools, their weeks of 2021 and the year's summer break, once per test JVM (DashboardBrowserTest shows them too). */
    static synchronized void publishTheSchoolsOnce() {
        if (published) {
            return;
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"holidays\":[],\"workingWeekendDays\":[],\"schoolBreaks\":[{\"from\":\"2021-06-01\",\"to\":\"2021-08-31\","
                        + "\"name\":\"Nghỉ hè\"}]}")
                .put("/api/v1/calendars/2021").then().statusCode(201);
        Published.LEDGER.schoolBreak(LocalDate.of(2021, 6, 1), LocalDate.of(2021, 8, 31));
        Published.send(List.of(
                new UnitRecord(ROOT, "Sở Tuyên truyền", UnitType.DEPARTMENT, null, null, false),
                new UnitRecord(A, "Trường THCS Ánh Dương", UnitType.SCHOOL, ROOT, null, true),
                new UnitRecord(A1, "Điểm trường Ánh Dương 1", UnitType.SCHOOL, A, null, true),
                new UnitRecord(B, "Trường THCS Bình Minh", UnitType.SCHOOL, ROOT, null, true)));
        Published.send(List.of(
                broadcast("ow-a-1", A, "2021-05-03T07:00:00+07:00"),
                broadcast("ow-a-2", A, "2021-05-09T23:30:00+07:00"),
                // Sunday 16 May in UTC, Monday 17 May on the department's clock: the week of 17 May.
                broadcast("ow-a-3", A, "2021-05-16T17:30:00Z"),
                new OutreachEvent("ow-a-session", OutreachEventType.SESSION_HELD, OffsetDateTime.parse("2021-05-12T09:00:00+07:00"), A,
                        "Sinh hoạt chuyên đề an toàn giao thông", null, Audience.STUDENTS, 420),
                // In the break, but the week starts on 31 May, before it: the week counts.
                broadcast("ow-a-4", A, "2021-06-02T07:00:00+07:00"),
                broadcast("ow-a-5", A, "2021-06-08T07:00:00+07:00"),
                // Below A and beside it: not A's own.
                broadcast("ow-a1-1", A1, "2021-05-25T07:00:00+07:00"),
                broadcast("ow-b-1", B, "2021-05-24T07:00:00+07:00")));
        published = true;
    }

    @Test
    void everyWeekOfThePeriodWithTheUnitsOwnBroadcastsAndTheSchoolBreakMarked() {
        JsonPath weeks = awaitWeeks(TestTokens.reader(), A, 5);
        assertThat(weeks.getString("unit.code")).isEqualTo(A);
        assertThat(weeks.getString("unit.name")).isEqualTo("Trường THCS Ánh Dương");
        assertThat(weeks.getBoolean("broadcastSystem")).isTrue();
        assertThat(weeks.getString("from")).isEqualTo(PERIOD_FROM);
        assertThat(weeks.getString("to")).isEqualTo(PERIOD_TO);
        assertThat(weeks.getString("asOf")).endsWith("+07:00");
        assertThat(rows(weeks)).containsExactly(
                List.of("2021-05-03", "2021-05-09", "", "true", "2"),
                List.of("2021-05-10", "2021-05-16", "", "true", "0"),
                List.of("2021-05-17", "2021-05-23", "", "true", "1"),
                List.of("2021-05-24", "2021-05-30", "", "true", "0"),
                List.of("2021-05-31", "2021-06-06", "", "true", "1"),
                List.of("2021-06-07", "2021-06-13", "Nghỉ hè", "false", "1"),
                List.of("2021-06-14", "2021-06-20", "Nghỉ hè", "false", "0"));
        assertThat(weeks.getInt("weeksCounted")).isEqualTo(5);
        assertThat(weeks.getInt("weeksMissed")).isEqualTo(2);

        // The unit below A and the one beside it have their own weeks.
        JsonPath below = awaitWeeks(TestTokens.reader(), A1, 1);
        assertThat(below.getList("weeks.broadcasts", Integer.class)).containsExactly(0, 0, 0, 1, 0, 0, 0);
        JsonPath beside = awaitWeeks(TestTokens.reader(), B, 1);
        assertThat(beside.getList("weeks.broadcasts", Integer.class)).containsExactly(0, 0, 0, 1, 0, 0, 0);
        assertThat(beside.getInt("weeksMissed")).isEqualTo(4);

        // A period that ends mid-week lists only whole weeks; one with no whole week lists none.
        JsonPath part = weeks(TestTokens.admin(), A, "2021-05-05", "2021-05-19").then().statusCode(200).extract().jsonPath();
        assertThat(part.getList("weeks.monday", String.class)).containsExactly("2021-05-10");
        JsonPath none = weeks(TestTokens.admin(), A, "2021-05-04", "2021-05-09").then().statusCode(200).extract().jsonPath();
        assertThat(none.getList("weeks")).isEmpty();
        assertThat(none.getInt("weeksCounted")).isZero();
        assertThat(none.getInt("weeksMissed")).isZero();
    }

    @Test
    void aSchoolReadsItsOwnWeeksAndThoseBelowItNotAnotherSchools() {
        String school = TestTokens.unitReporter(A);
        awaitWeeks(school, A, 5);
        weeks(school, A1, PERIOD_FROM, PERIOD_TO).then().statusCode(200).body("unit.code", equalTo(A1));
        // Without unit: its own.
        given().auth().oauth2(school).queryParam("from", PERIOD_FROM).queryParam("to", PERIOD_TO).get("/api/v1/outreach/weeks")
                .then().statusCode(200).body("unit.code", equalTo(A)).body("weeks.size()", equalTo(7));

        for (String other : List.of(B, ROOT, "OW-NO-SUCH")) {
            weeks(school, other, PERIOD_FROM, PERIOD_TO).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403)).body("errors[0].field", equalTo("unit"))
                    .body("detail", containsString(other)).body("detail", not(containsString("Exception")));
        }
        weeks(TestTokens.unitReporter(B), A, PERIOD_FROM, PERIOD_TO).then().statusCode(403).body("errors[0].field", equalTo("unit"));
        weeks(TestTokens.forRoles("unit-reporter"), A, PERIOD_FROM, PERIOD_TO).then().statusCode(403)
                .body("errors[0].field", equalTo("unit"));
        weeks(TestTokens.ingest(), A, PERIOD_FROM, PERIOD_TO).then().statusCode(403);
        given().queryParam("unit", A).get("/api/v1/outreach/weeks").then().statusCode(401);
    }

    @Test
    void aSchoolsTokenOpensNothingElseOfThisService() {
        String school = TestTokens.unitReporter(A);
        for (RoleMatrix.Endpoint endpoint : SecurityTest.ENDPOINTS) {
            if (endpoint.path().startsWith("/api/v1/outreach/") || endpoint.path().equals("/api/v1/dashboard/config")) {
                continue;
            }
            var request = given().auth().oauth2(school);
            if (endpoint.contentType() != null) {
                request = request.contentType(endpoint.contentType()).body(endpoint.body());
            }
            assertThat(request.request(endpoint.method(), endpoint.path()).statusCode()).as(endpoint.toString()).isEqualTo(403);
        }
        given().auth().oauth2(school).get("/api/v1/indicators/stream").then().statusCode(403);
        // What the page needs to know to send a school's reports: where dossier-service is.
        given().auth().oauth2(school).get("/api/v1/dashboard/config").then().statusCode(200)
                .body("dossierServiceUrl", equalTo("http://localhost:8081"));
    }

    @Test
    void badParametersAreNamed() {
        weeks(TestTokens.reader(), null, PERIOD_FROM, PERIOD_TO).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("unit"));
        weeks(TestTokens.reader(), "OW-NO-SUCH", PERIOD_FROM, PERIOD_TO).then().statusCode(400).body("errors[0].field", equalTo("unit"));
        weeks(TestTokens.reader(), A, "2021-13-01", PERIOD_TO).then().statusCode(400).body("errors[0].field", equalTo("from"));
        weeks(TestTokens.reader(), A, PERIOD_FROM, "yesterday").then().statusCode(400).body("errors[0].field", equalTo("to"));
        weeks(TestTokens.unitReporter(A), A, PERIOD_TO, PERIOD_FROM).then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    /** The dashboard's page: its security policy is a header built from the configuration, which names dossier-service. */
    @Test
    void thePageSendsItsSecurityHeaders() {
        var page = given().get("/").then().statusCode(200).extract();
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
                .contains("connect-src 'self' http://localhost:8081;").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body().asString()).doesNotContain("http-equiv=\"Content-Security-Policy\"");
        given().get("/dashboard/school.js").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/config").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theOperationsAreDocumented() {
        OpenApiChecks.assertStable(Map.ofEntries(entry("GET /api/v1/outreach/weeks", "getSchoolWeeks"),
                entry("GET /api/v1/dashboard/config", "getDashboardConfig"),
                entry("GET /api/v1/dashboard/status", "getDashboardStatus")));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/outreach/weeks'.get.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "400", "401", "403"));
    }

    // --- helpers ---

    static OutreachEvent broadcast(String id, String unit, String at) {
        return new OutreachEvent(id, OutreachEventType.BROADCAST_AIRED, OffsetDateTime.parse(at), unit, "Bản tin " + id, 300, null, null);
    }

    private static io.restassured.response.Response weeks(String token, String unit, String from, String to) {
        var request = given().auth().oauth2(token).queryParam("from", from).queryParam("to", to);
        if (unit != null) {
            request = request.queryParam("unit", unit);
        }
        return request.get("/api/v1/outreach/weeks");
    }

    /** The unit's weeks once its broadcasts (at least {@code broadcasts} of them) and its broadcast system have arrived. */
    private static JsonPath awaitWeeks(String token, String unit, int broadcasts) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath answer = weeks(token, unit, PERIOD_FROM, PERIOD_TO).then().statusCode(200).extract().jsonPath();
            assertThat(answer.getBoolean("broadcastSystem")).as("broadcastSystem of " + unit).isTrue();
            assertThat(answer.getList("weeks.broadcasts", Integer.class).stream().mapToInt(Integer::intValue).sum())
                    .as("broadcasts of " + unit).isGreaterThanOrEqualTo(broadcasts);
            last[0] = answer;
        });
        return last[0];
    }

    private static List<List<String>> rows(JsonPath weeks) {
        List<Map<String, Object>> list = weeks.getList("weeks");
        return list.stream().map(w -> List.of(String.valueOf(w.get("monday")), String.valueOf(w.get("sunday")),
                w.get("schoolBreak") == null ? "" : String.valueOf(w.get("schoolBreak")), String.valueOf(w.get("counts")),
                String.valueOf(w.get("broadcasts")))).toList();
    }
}
