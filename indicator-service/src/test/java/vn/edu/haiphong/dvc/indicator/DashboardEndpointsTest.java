package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** What the dashboard reads besides the indicators: the page itself, the unit tree, and how fresh the data is. */
@QuarkusTest
class DashboardEndpointsTest {

    @Test
    void thePageAndItsChartLibraryAreServedFromTheServiceWithoutATokenOrTheInternet() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("/webjars/chart.js/dist/chart.umd.js"));
        given().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200).body(containsString("Chart"));
        given().get("/dashboard.js").then().statusCode(200);
    }

    @Test
    void listsTheUnitTreeParentsBeforeTheirChildren() {
        Published.send(List.of(
                new UnitRecord("TREE-B", "Phòng GDĐT huyện B", UnitType.DISTRICT_OFFICE, "TREE", null),
                new UnitRecord("TREE-A1", "Trường Mầm non A1", UnitType.SCHOOL, "TREE-A", null),
                new UnitRecord("TREE", "Sở Cây", UnitType.DEPARTMENT, null, 10L),
                new UnitRecord("TREE-A", "Phòng GDĐT quận A", UnitType.DISTRICT_OFFICE, "TREE", null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes().containsAll(List.of("TREE", "TREE-A", "TREE-A1", "TREE-B")));
        List<String> tree = codes().stream().filter(c -> c.startsWith("TREE")).toList();
        assertThat(tree).containsExactly("TREE", "TREE-A", "TREE-A1", "TREE-B");
        List<Map<String, Object>> units = given().auth().oauth2(TestTokens.reader()).get("/api/v1/units").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(units).contains(Map.of("code", "TREE-A1", "name", "Trường Mầm non A1", "type", "SCHOOL", "parentCode", "TREE-A"));
        assertThat(units.stream().filter(u -> u.get("code").equals("TREE")).findFirst().orElseThrow().get("parentCode")).isNull();
    }

    @Test
    void saysWhenTheLatestEventWasAppliedOnTheServersClock() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        Published.send(List.of(new UnitRecord("FRESH", "Trường Tươi", UnitType.SCHOOL, null, null),
                new DossierEvent("fresh-1", DossierEventType.SUBMITTED, OffsetDateTime.now(ZoneOffset.ofHours(7)), "FRESH-HS-1",
                        "FRESH-P", "FRESH", Channel.ONLINE, true, new Applicant(ApplicantKind.CITIZEN, "f".repeat(64), true, true),
                        null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String last = given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/status").then().extract().path("lastEventAt");
            return last != null && !OffsetDateTime.parse(last).isBefore(before);
        });
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/status").then().statusCode(200)
                .body("staleAfter", equalTo("PT15M")).body("stale", equalTo(false))
                .body("asOf", containsString("+07:00")).body("lastEventAt", containsString("+07:00"));
    }

    private static List<String> codes() {
        return given().auth().oauth2(TestTokens.reader()).get("/api/v1/units").then().statusCode(200).extract().jsonPath().getList("code");
    }
}
