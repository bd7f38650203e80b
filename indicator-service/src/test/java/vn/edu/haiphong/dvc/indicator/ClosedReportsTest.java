package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2 (issue 20): a closed plan report stays as it was sent, its files byte for byte, while the live view of the closed
 * year shows how each figure has moved since and which late events moved it.
 */
@QuarkusTest
class ClosedReportsTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Test
    void aClosedReportStaysAsSentWhileItsRevisionsShowTheLateEvents() {
        DataSet data = new DataSet(20_250_110L, "CR", 200);
        Published.send(data.shuffledWithDuplicates());
        String district = data.districts.get(0);
        String school = data.reference.stream().filter(r -> r instanceof UnitRecord u && district.equals(u.parentCode()))
                .map(r -> ((UnitRecord) r).code()).findFirst().orElseThrow();
        String procedure = data.reference.stream().filter(r -> r instanceof ProcedureRecord).map(r -> ((ProcedureRecord) r).code())
                .findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, district));
        Map<String, Expected.Pair> before = Expected.indicators(Published.LEDGER, FROM, TO, district);

        // Closed by an administrator: 201, then the same closing again: 200, unchanged.
        JsonPath closed = close(2024, district).statusCode(201).extract().jsonPath();
        assertThat(closed.getString("unit")).isEqualTo(district);
        assertThat(closed.getString("closedBy")).isNotBlank();
        assertFigures(closed.getList("figures"), "asClosed", before);
        JsonPath again = close(2024, district).statusCode(200).extract().jsonPath();
        assertThat(again.getString("closedAt")).isEqualTo(closed.getString("closedAt"));
        byte[] csv = file(2024, district, "csv");
        byte[] xlsx = file(2024, district, "xlsx");
        byte[] pdf = file(2024, district, "pdf");
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains(district);
        assertThat(xlsx).startsWith('P', 'K');
        assertThat(pdf).startsWith('%', 'P', 'D', 'F');
        given().auth().oauth2(TestTokens.reader()).queryParam("year", "2024").get("/api/v1/reports/plan/closed").then().statusCode(200)
                .body("unit", hasItems(district));

        // Another district closed at the same time: the late events below are not in its scope.
        String otherDistrict = data.districts.get(1);
        close(2024, otherDistrict).statusCode(201);

        // A late event: a dossier of June 2024 in a school of the district, arriving after the closing.
        OffsetDateTime june = OffsetDateTime.of(2024, 6, 10, 9, 0, 0, 0, ZoneOffset.ofHours(7));
        DossierEvent late = new DossierEvent("cr-late-1", DossierEventType.SUBMITTED, june, "CR-LATE-HS-1", procedure, school,
                Channel.ONLINE, true, new Applicant(ApplicantKind.CITIZEN, "f".repeat(64), true, true), null, null, null);
        // And a late payment: a transaction of that dossier, paid online in June 2024, counted after the closing too.
        PaymentEvent latePayment = new PaymentEvent("cr-late-pay-1", PaymentEventType.PAID, "CR-LATE-TX-1", june.plusHours(1),
                "CR-LATE-HS-1", procedure, school, 50_000L, PaymentMethod.NATIONAL_PORTAL);
        Published.send(List.of(late, latePayment));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, district));
        Map<String, Expected.Pair> after = Expected.indicators(Published.LEDGER, FROM, TO, district);
        assertThat(after).isNotEqualTo(before);

        // The files and figures as sent have not moved.
        assertThat(file(2024, district, "csv")).isEqualTo(csv);
        assertThat(file(2024, district, "xlsx")).isEqualTo(xlsx);
        assertThat(file(2024, district, "pdf")).isEqualTo(pdf);
        JsonPath revisions = given().auth().oauth2(TestTokens.reader()).queryParam("unit", district)
                .get("/api/v1/reports/plan/closed/2024").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> figures = revisions.getList("figures");
        assertFigures(figures, "asClosed", before);
        assertFigures(figures, "now", after);
        long moved = 0;
        for (Map<String, Object> f : figures) {
            Expected.Pair b = before.get((String) f.get("id"));
            Expected.Pair a = after.get((String) f.get("id"));
            @SuppressWarnings("unchecked")
            Map<String, Object> change = (Map<String, Object>) f.get("change");
            assertThat(((Number) change.get("numerator")).longValue()).as((String) f.get("id")).isEqualTo(a.numerator() - b.numerator());
            if (!a.equals(b)) {
                moved++;
            }
        }
        assertThat(revisions.getLong("revised")).isEqualTo(moved).isPositive();
        assertThat(revisions.getList("lateEvents.eventId", String.class)).containsExactlyInAnyOrder("cr-late-1", "cr-late-pay-1");
        assertThat(revisions.getLong("lateEventsTotal")).isEqualTo(2);
        // Nothing counted before the closing is listed: only the late dossier and its payment.
        assertThat(revisions.getList("lateEvents.dossierCode", String.class)).containsOnly("CR-LATE-HS-1");
        List<Map<String, Object>> lateEvents = revisions.getList("lateEvents");
        assertThat(lateEvents).filteredOn(e -> "cr-late-pay-1".equals(e.get("eventId"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("transactionId", "CR-LATE-TX-1").containsEntry("type", "PAID"));
        assertThat(lateEvents).filteredOn(e -> "cr-late-1".equals(e.get("eventId"))).singleElement()
                .satisfies(e -> assertThat(e).doesNotContainKey("transactionId").containsEntry("type", "SUBMITTED"));
        // Another district's closed year lists neither.
        given().auth().oauth2(TestTokens.reader()).queryParam("unit", otherDistrict).get("/api/v1/reports/plan/closed/2024").then()
                .statusCode(200).body("lateEventsTotal", equalTo(0));
    }

    @Test
    void closingNeedsAnAdministratorAndAYearAndUnitThatExist() {
        given().auth().oauth2(TestTokens.reader()).contentType(ContentType.JSON).body(Map.of("year", 2024))
                .post("/api/v1/reports/plan/closed").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("year", 1999, "unit", "NO-SUCH"))
                .post("/api/v1/reports/plan/closed").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("year", "unit"));
        given().auth().oauth2(TestTokens.reader()).queryParam("unit", "NO-SUCH").get("/api/v1/reports/plan/closed/2024").then()
                .statusCode(400).body("errors.field", hasItems("unit"));
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/reports/plan/closed/2001").then().statusCode(404)
                .body("status", equalTo(404));
        given().auth().oauth2(TestTokens.reader()).queryParam("format", "docx").get("/api/v1/reports/plan/closed/2001/file").then()
                .statusCode(400).body("errors.field", hasItems("format"));
    }

    private static io.restassured.response.ValidatableResponse close(int year, String unit) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("year", year, "unit", unit))
                .post("/api/v1/reports/plan/closed").then();
    }

    private static byte[] file(int year, String unit, String format) {
        return given().auth().oauth2(TestTokens.reader()).queryParam("unit", unit).queryParam("format", format)
                .get("/api/v1/reports/plan/closed/" + year + "/file").then().statusCode(200).extract().asByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void assertFigures(List<Map<String, Object>> figures, String which, Map<String, Expected.Pair> expected) {
        assertThat(figures).hasSize(expected.size());
        for (Map<String, Object> f : figures) {
            String id = (String) f.get("id");
            Map<String, Object> counts = (Map<String, Object>) f.get(which);
            Object denominator = counts.get("denominator");
            assertThat(new Expected.Pair(((Number) counts.get("numerator")).longValue(),
                    denominator == null ? null : ((Number) denominator).longValue())).as(which + " " + id).isEqualTo(expected.get(id));
        }
    }
}
