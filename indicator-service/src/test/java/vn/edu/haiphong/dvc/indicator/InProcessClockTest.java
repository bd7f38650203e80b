package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * Indicators 15 and 23 change with time alone: an open dossier becomes late when its due passes with no event, and
 * the figure served for today says so at once, though no event arrived and the answers are cached.
 */
@QuarkusTest
class InProcessClockTest {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);

    @Test
    void anOpenDossierBecomesLateWhenItsDuePassesWithNoEvent() {
        OffsetDateTime now = OffsetDateTime.now(VN);
        OffsetDateTime due = now.plusSeconds(8);
        Published.send(List.of(new UnitRecord("CLK-U", "Trường Đồng Hồ", UnitType.SCHOOL, null, null),
                new ProcedureRecord("CLK-P", "Thủ tục", "Giáo dục", true, true, true, false),
                new DossierEvent("clk-rec", DossierEventType.RECEIVED, now.minusHours(1), "CLK-HS-1", "CLK-P", "CLK-U", null, null, null,
                        due, null, null),
                // Waiting on a request made before its due: its clock stops, it stays on time.
                new DossierEvent("clk-rec-2", DossierEventType.RECEIVED, now.minusHours(1), "CLK-HS-2", "CLK-P", "CLK-U", null, null, null,
                        due, null, null),
                new DossierEvent("clk-req-2", DossierEventType.SUPPLEMENT_REQUESTED, now.minusMinutes(30), "CLK-HS-2", "CLK-P", "CLK-U",
                        null, null, null, null, null, null)));
        LocalDate today = now.toLocalDate();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> onTime(today).getLong("denominator") == 2);
        // Before the due, both on time (unless this machine was slower than the due itself).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> OffsetDateTime.now(VN).isAfter(due.plusSeconds(1)) && onTime(today).getLong("numerator") == 1);
    }

    private static JsonPath onTime(LocalDate today) {
        return given().auth().oauth2(TestTokens.reader()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .queryParam("unit", "CLK-U").get("/api/v1/indicators/processed-on-time").then().statusCode(200).extract().jsonPath();
    }
}
