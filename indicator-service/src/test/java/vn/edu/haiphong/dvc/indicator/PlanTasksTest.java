package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * The plan's tasks of section 9, as a city system reads them: the appendix's 13 rows, their status over 2024 for
 * every unit compared with the independent computation of everything this module's tests published, and what an
 * admin reports of rows 1 and 12.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanTasksTest {

    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate TO = LocalDate.of(2024, 12, 31);
    static final String TASKS = "/api/v1/plans/2024/tasks";

    /** The indicators of each row, as section 9 lists them. */
    static final Map<Integer, List<String>> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put(1, List.of());
        MEASURES.put(2, List.of("procedures-fully-online"));
        MEASURES.put(3, List.of("fully-online-on-national-portal"));
        MEASURES.put(4, List.of("dossier-digitization", "result-digitization"));
        MEASURES.put(5, List.of("adult-online-users"));
        MEASURES.put(6, List.of("online-submission"));
        MEASURES.put(7, List.of("online-payments"));
        MEASURES.put(8, List.of("fee-procedures-paid-online"));
        MEASURES.put(9, List.of("dossiers-in-system"));
        MEASURES.put(10, List.of("results-synced"));
        MEASURES.put(11, List.of("fully-online-dossiers"));
        MEASURES.put(12, List.of("schools-with-outreach-sessions"));
        MEASURES.put(13, List.of("weekly-broadcasts"));
    }

    private static DataSet data;

    @BeforeEach
    void publishADepartmentOnce() {
        if (data != null) {
            return;
        }
        data = new DataSet(9_2024L, "PLT", 160);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, null));
    }

    @Test
    @Order(1)
    void theThirteenRowsAsWrittenWithTheirIndicators() {
        JsonPath tasks = reader().get(TASKS).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(tasks.getList("number", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        for (int n = 1; n <= 13; n++) {
            assertThat(tasks.getList("find { it.number == " + n + " }.indicators", String.class)).as("indicators of row %s", n)
                    .containsExactlyElementsOf(MEASURES.get(n));
            assertThat(tasks.getString("find { it.number == " + n + " }.deadline")).isEqualTo("Năm 2024");
            assertThat(tasks.getString("find { it.number == " + n + " }.task.en")).isNotBlank();
        }
        assertThat(tasks.getList("lead", String.class)).containsExactly("Văn phòng Sở", "Văn phòng Sở", "Văn phòng Sở", "Văn phòng Sở",
                "Bộ phận Một cửa Sở", "Bộ phận Một cửa Sở", "Bộ phận Một cửa Sở", "Bộ phận Một cửa Sở", "Bộ phận Một cửa Sở",
                "Bộ phận Một cửa Sở", "Văn phòng Sở",
                "Phòng GD mầm non; Phòng GD tiểu học; Phòng GD Trung học; Phòng GD Thường xuyên và Đại học.", "Các đơn vị trường học");
        assertThat(tasks.getList("cooperating", String.class)).containsExactly("Các phòng CMNV Sở", "Các phòng CMNV Sở",
                "Các phòng CMNV Sở", "Các phòng CMNV Sở", "Văn phòng Sở", "Văn phòng Sở", "Văn phòng Sở", "Văn phòng Sở", "Văn phòng Sở",
                "Văn phòng Sở", "Các phòng CMNV Sở", "Các đơn vị trường học", "Văn phòng Sở");
        assertThat(tasks.getString("find { it.number == 1 }.task.vi"))
                .isEqualTo("Rà soát các thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình");
        assertThat(tasks.getString("find { it.number == 1 }.product")).isEqualTo("Sửa đổi, bổ sung Quyết định số 2962/QĐ-UBND ngày 29/9/2023");
        assertThat(tasks.getString("find { it.number == 5 }.product")).isNull();
        assertThat(tasks.getString("find { it.number == 6 }.product"))
                .isEqualTo("Thông kê kết quả trên Hệ thống theo dõi Cổng dịch vụ công quốc gia");
        assertThat(tasks.getString("find { it.number == 12 }.product")).isEqualTo("Kế hoạch triển khai Báo cáo thực hiện");
        assertThat(tasks.getString("find { it.number == 13 }.product")).startsWith("Lồng ghép vào Kế hoạch truyền thanh cơ sở thường kỳ.");
        // Nothing reported yet of row 1 in this run: no data.
        assertThat(tasks.getString("find { it.number == 1 }.status")).isEqualTo("no-data");
        assertThat(tasks.getString("find { it.number == 1 }.reported")).isNull();
    }

    @Test
    @Order(2)
    void measuredStatusesFollowTheYearsIndicatorsForEveryUnit() {
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, FROM, TO, null);
        Map<String, BigDecimal> targets = targets2024();
        JsonPath tasks = reader().get(TASKS).then().statusCode(200).extract().jsonPath();
        List<String> statuses = new ArrayList<>();
        for (int n = 2; n <= 13; n++) {
            if (n == 12) {
                continue;
            }
            String status = expectedStatus(MEASURES.get(n), expected, targets);
            statuses.add(status);
            assertThat(tasks.getString("find { it.number == " + n + " }.status")).as("status of row %s", n).isEqualTo(status);
        }
        // The year's data meets some rows and not others, so that both verdicts are checked.
        assertThat(statuses).contains("met", "behind");
    }

    @Test
    @Order(3)
    void anAdminReportsRowOneAndItsStatusFollowsAtOnce() {
        String done = """
                { "status": "DONE", "note": "Đã trình UBND thành phố sửa đổi Quyết định 2962",
                  "evidence": [{ "title": "Tờ trình số 15/TTr-SGDĐT", "url": "https://haiphong.edu.vn/to-trinh-15.pdf" }] }""";
        admin().body(done).put(TASKS + "/1").then().statusCode(200).body("number", equalTo(1)).body("status", equalTo("met"))
                .body("reported.status", equalTo("DONE")).body("reported.note", equalTo("Đã trình UBND thành phố sửa đổi Quyết định 2962"))
                .body("reported.evidence[0].title", equalTo("Tờ trình số 15/TTr-SGDĐT"))
                .body("reported.evidence[0].url", equalTo("https://haiphong.edu.vn/to-trinh-15.pdf"));
        // The same report again changes nothing.
        admin().body(done).put(TASKS + "/1").then().statusCode(200).body("status", equalTo("met")).body("reported.evidence.size()", equalTo(1));
        reader().get(TASKS).then().statusCode(200).body("find { it.number == 1 }.status", equalTo("met"))
                .body("find { it.number == 1 }.reported.status", equalTo("DONE"));

        admin().body("{ \"status\": \"IN_PROGRESS\" }").put(TASKS + "/1").then().statusCode(200);
        reader().get(TASKS).then().statusCode(200).body("find { it.number == 1 }.status", equalTo("behind"))
                .body("find { it.number == 1 }.reported.status", equalTo("IN_PROGRESS"))
                .body("find { it.number == 1 }.reported.note", nullValue())
                .body("find { it.number == 1 }.reported.evidence.size()", equalTo(0));

        admin().body("{ \"status\": \"NOT_STARTED\", \"note\": \"Chờ hướng dẫn\" }").put(TASKS + "/12").then().statusCode(200)
                .body("status", equalTo("behind")).body("reported.status", equalTo("NOT_STARTED"));
    }

    @Test
    @Order(4)
    void aMeasuredRowShowsAReportButKeepsItsMeasuredStatus() {
        String before = reader().get(TASKS).then().statusCode(200).extract().path("find { it.number == 6 }.status");
        admin().body("{ \"status\": \"DONE\", \"note\": \"Đã truyền thông\" }").put(TASKS + "/6").then().statusCode(200)
                .body("status", equalTo(before)).body("reported.status", equalTo("DONE"));
        assertThat(before).isEqualTo(expectedStatus(MEASURES.get(6), Expected.indicators(Published.LEDGER, FROM, TO, null), targets2024()));
    }

    @Test
    @Order(5)
    void badReportsAreRefusedFieldByFieldAndNothingIsStored() {
        String current = reader().get(TASKS).then().extract().path("find { it.number == 12 }.reported.status");
        admin().body("{ \"status\": \"FINISHED\" }").put(TASKS + "/12").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItems("status"));
        admin().body("{ \"note\": \"x\" }").put(TASKS + "/12").then().statusCode(422).body("errors.field", hasItems("status"));
        admin().body("{ \"status\": \"DONE\", \"note\": \"" + "a".repeat(2001) + "\" }").put(TASKS + "/12").then().statusCode(422)
                .body("errors.field", hasItems("note"));
        admin().body("{ \"status\": \"DONE\", \"evidence\": [{ \"title\": \"\", \"url\": \"http://haiphong.edu.vn/a\" },"
                + " { \"title\": \"" + "t".repeat(201) + "\", \"url\": \"/relative\" }, { \"title\": \"ok\", \"url\": \"https://x.vn/a\" }] }")
                .put(TASKS + "/12").then().statusCode(422)
                .body("errors.field", hasItems("evidence[0].title", "evidence[0].url", "evidence[1].title", "evidence[1].url"));
        StringBuilder many = new StringBuilder("{ \"status\": \"DONE\", \"evidence\": [");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("{ \"title\": \"t\", \"url\": \"https://x.vn/").append(i).append("\" }");
        }
        admin().body(many.append("] }").toString()).put(TASKS + "/12").then().statusCode(422).body("errors.field", hasItems("evidence"));
        reader().get(TASKS).then().body("find { it.number == 12 }.reported.status", equalTo(current));

        admin().body("{ \"status\": \"DONE\" }").put("/api/v1/plans/2024/tasks/14").then().statusCode(404)
                .contentType("application/problem+json");
        admin().body("{ \"status\": \"DONE\" }").put("/api/v1/plans/2024/tasks/0").then().statusCode(404);
        reader().get("/api/v1/plans/2025/tasks").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("2025"));
    }

    @Test
    @Order(6)
    void readersReadAndOnlyAdminsReport() {
        given().get(TASKS).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{ \"status\": \"DONE\" }").put(TASKS + "/1").then().statusCode(401);
        reader().contentType(ContentType.JSON).body("{ \"status\": \"DONE\" }").put(TASKS + "/1").then().statusCode(403);
        given().auth().oauth2(TestTokens.ingest()).get(TASKS).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get(TASKS).then().statusCode(200).body("size()", equalTo(13));
        reader().get(TASKS).then().body("find { it.number == 1 }.reported.status", equalTo("IN_PROGRESS"));
    }

    /** Section 9's rule, from the independently computed counts and the 2024 plan's targets. */
    static String expectedStatus(List<String> ids, Map<String, Expected.Pair> pairs, Map<String, BigDecimal> targets) {
        boolean missing = false;
        boolean behind = false;
        for (String id : ids) {
            Expected.Pair pair = pairs.get(id);
            if (pair == null || pair.denominator() == null || pair.denominator() == 0) {
                missing = true;
                continue;
            }
            BigDecimal value = BigDecimal.valueOf(pair.numerator()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(pair.denominator()), 2, RoundingMode.HALF_UP);
            BigDecimal target = targets.get(id);
            if (target != null && value.compareTo(target) < 0) {
                behind = true;
            }
        }
        return behind ? "behind" : missing ? "no-data" : "met";
    }

    /** The 2024 plan's targets as served. */
    static Map<String, BigDecimal> targets2024() {
        Map<String, Object> served = reader().get("/api/v1/plans/2024").then().statusCode(200).extract().jsonPath().getMap("targets");
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        served.forEach((id, t) -> targets.put(id, t == null ? null : new BigDecimal(t.toString())));
        return targets;
    }

    private static io.restassured.specification.RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.reader());
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }
}
