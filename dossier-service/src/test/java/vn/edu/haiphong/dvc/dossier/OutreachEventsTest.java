package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.edu.haiphong.dvc.dossier.Fixtures.asAdmin;
import static vn.edu.haiphong.dvc.dossier.Fixtures.asIngest;
import static vn.edu.haiphong.dvc.dossier.Fixtures.asReader;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.TopicReader;

/**
 * r2, section 8: broadcasts aired and sessions held, under the rules of section 2, for the roles of section 0 — a
 * school's own account (unit-reporter) reports for itself and the units below it only — and listed back as JSON, CSV
 * and XLSX (the list appendix row 13 asks for).
 */
@QuarkusTest
class OutreachEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String root;
    private String district;
    private String school;
    private String otherSchool;

    @BeforeEach
    void aTree() {
        root = unique("SGD");
        district = unique("PGD");
        school = unique("THPT");
        otherSchool = unique("THCS");
        unit(root, "DEPARTMENT", null, false);
        unit(district, "DISTRICT_OFFICE", root, false);
        unit(school, "SCHOOL", district, true);
        unit(otherSchool, "SCHOOL", root, true);
    }

    @Test
    void aBroadcastAndASessionAreStoredPublishedAndListed() {
        Map<String, Object> broadcast = broadcast(school, "2024-03-04T07:15:00+07:00");
        Map<String, Object> session = session(school, "2024-03-08T14:00:00+07:00");
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.OUTREACH_EVENTS)) {
            post(TestTokens.ingest(), List.of(broadcast, session)).statusCode(202).body("accepted", equalTo(2)).body("duplicates", equalTo(0));
            List<TopicReader.Message> published = await().atMost(Duration.ofSeconds(30)).until(() -> mine(reader.poll()), m -> m.size() == 2);
            assertThat(published).extracting(TopicReader.Message::key).containsOnly(school);
            assertThat(published).extracting(m -> m.headers().get("ce_type")).containsExactlyInAnyOrder(
                    "vn.edu.haiphong.dvc.outreach.BROADCAST_AIRED", "vn.edu.haiphong.dvc.outreach.SESSION_HELD");
        }
        // Sent again, the same: a duplicate, nothing new.
        post(TestTokens.ingest(), broadcast).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        // The same id for other content: 409.
        Map<String, Object> changed = new LinkedHashMap<>(broadcast);
        changed.put("durationSeconds", 999);
        post(TestTokens.ingest(), changed).statusCode(409).contentType("application/problem+json");

        asReader().queryParam("unit", root).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .get("/api/v1/outreach-events").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(50))
                // Newest first, each as posted.
                .body("items.eventId", contains(session.get("eventId"), broadcast.get("eventId")))
                .body("items[1].title", equalTo("Hướng dẫn nộp hồ sơ chuyển trường trực tuyến"))
                .body("items[1].durationSeconds", equalTo(300))
                .body("items[0].audience", equalTo("TEACHERS")).body("items[0].participants", equalTo(45));
        // Period, type and paging.
        asReader().queryParam("unit", school).queryParam("from", "2024-03-05").queryParam("to", "2024-12-31")
                .get("/api/v1/outreach-events").then().statusCode(200).body("total", equalTo(1));
        asReader().queryParam("unit", school).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .queryParam("type", "BROADCAST_AIRED").get("/api/v1/outreach-events").then().statusCode(200)
                .body("items.eventId", contains(broadcast.get("eventId")));
        asReader().queryParam("unit", school).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .queryParam("size", 1).queryParam("page", 1).get("/api/v1/outreach-events").then().statusCode(200)
                .body("total", equalTo(2)).body("items.eventId", contains(broadcast.get("eventId")));
        // Another branch of the tree sees none of it.
        asReader().queryParam("unit", otherSchool).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .get("/api/v1/outreach-events").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eachBrokenRuleIsNamedWithItsIndexAndNothingOfTheBatchIsStored() {
        Map<String, Object> good = broadcast(school, "2024-03-04T07:15:00+07:00");
        Map<String, Object> noDuration = broadcast(school, "2024-03-04T07:15:00+07:00");
        noDuration.remove("durationSeconds");
        Map<String, Object> tooLong = broadcast(school, "2024-03-04T07:15:00+07:00");
        tooLong.put("durationSeconds", 7_201);
        Map<String, Object> longTitle = broadcast(school, "2024-03-04T07:15:00+07:00");
        longTitle.put("title", "a".repeat(201));
        Map<String, Object> sessionWithDuration = session(school, "2024-03-08T14:00:00+07:00");
        sessionWithDuration.put("durationSeconds", 60);
        Map<String, Object> badSession = session(school, "2024-03-08T14:00:00+07:00");
        badSession.put("audience", "EVERYONE");
        badSession.put("participants", 0);
        Map<String, Object> unknownUnit = broadcast("NO-SUCH-UNIT", "2024-03-04T07:15:00+07:00");
        Map<String, Object> future = broadcast(school, "2999-01-01T00:00:00+07:00");
        Map<String, Object> next = broadcast(school, "2024-03-05T07:15:00+07:00");
        List<Map<String, Object>> batch = List.of(good, noDuration, tooLong, longTitle, sessionWithDuration, badSession, unknownUnit, future);
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.OUTREACH_EVENTS)) {
            ValidatableResponse refused = post(TestTokens.ingest(), batch).statusCode(422).contentType("application/problem+json");
            List<Map<String, Object>> errors = refused.extract().jsonPath().getList("errors");
            assertThat(errors).extracting(e -> e.get("index") + " " + e.get("field")).contains("1 durationSeconds", "2 durationSeconds",
                    "3 title", "4 durationSeconds", "5 audience", "5 participants", "6 unitCode", "7 occurredAt");
            assertThat(errors).extracting(e -> e.get("index")).doesNotContain(0);
            // Nothing of the refused batch is published: the next accepted event is the first one seen.
            post(TestTokens.ingest(), next).statusCode(202).body("accepted", equalTo(1));
            List<TopicReader.Message> seen = await().atMost(Duration.ofSeconds(30)).until(() -> mine(reader.poll()), m -> !m.isEmpty());
            assertThat(seen).extracting(TopicReader.Message::value).singleElement().asString().contains((String) next.get("eventId"));
        }
        asReader().queryParam("unit", school).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .get("/api/v1/outreach-events").then().statusCode(200).body("total", equalTo(1))
                .body("items.eventId", contains(next.get("eventId")));
    }

    @Test
    void aSchoolReportsForItselfAndTheUnitsBelowItOnly() {
        String districtToken = TestTokens.unitReporter(district);
        String schoolToken = TestTokens.unitReporter(school);
        post(schoolToken, broadcast(school, "2024-03-04T07:15:00+07:00")).statusCode(202).body("accepted", equalTo(1));
        post(districtToken, session(school, "2024-03-05T07:15:00+07:00")).statusCode(202).body("accepted", equalTo(1));
        post(districtToken, session(district, "2024-03-06T07:15:00+07:00")).statusCode(202).body("accepted", equalTo(1));

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.OUTREACH_EVENTS)) {
            // A batch with one event for another school: 403 naming it, and nothing of the batch stored or published.
            Map<String, Object> own = broadcast(school, "2024-03-11T07:15:00+07:00");
            Map<String, Object> other = broadcast(otherSchool, "2024-03-11T07:15:00+07:00");
            post(schoolToken, List.of(own, other)).statusCode(403).contentType("application/problem+json")
                    .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("unitCode"));
            // Up the tree is another unit too.
            post(schoolToken, broadcast(district, "2024-03-11T07:15:00+07:00")).statusCode(403);
            post(TestTokens.forRoles("unit-reporter"), broadcast(school, "2024-03-11T07:15:00+07:00")).statusCode(403);
            post(TestTokens.unitReporter("NO-SUCH-UNIT"), broadcast(school, "2024-03-11T07:15:00+07:00")).statusCode(403);
            post(TestTokens.reader(), broadcast(school, "2024-03-11T07:15:00+07:00")).statusCode(403);
            given().contentType(ContentType.JSON).body(broadcast(school, "2024-03-11T07:15:00+07:00")).post("/api/v1/outreach-events")
                    .then().statusCode(401);
            // What the refused batch held is nowhere.
            asReader().queryParam("unit", root).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                    .get("/api/v1/outreach-events").then().statusCode(200).body("total", equalTo(3));
            post(TestTokens.ingest(), broadcast(otherSchool, "2024-03-12T07:15:00+07:00")).statusCode(202);
            List<TopicReader.Message> seen = await().atMost(Duration.ofSeconds(30)).until(() -> mine(reader.poll()), m -> !m.isEmpty());
            assertThat(seen).extracting(TopicReader.Message::value).noneMatch(v -> v.contains((String) own.get("eventId"))
                    || v.contains((String) other.get("eventId")));
        }

        // The school's account reads its own list (its unit by default) and nothing else; it may change nothing else.
        given().auth().oauth2(schoolToken).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .get("/api/v1/outreach-events").then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(schoolToken).queryParam("unit", otherSchool).get("/api/v1/outreach-events").then().statusCode(403)
                .body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(schoolToken).contentType(ContentType.JSON).body(Map.of("name", "x", "type", "SCHOOL"))
                .put("/api/v1/units/" + school).then().statusCode(403);
        given().auth().oauth2(schoolToken).get("/api/v1/units").then().statusCode(403);
    }

    @Test
    void theListAsCsvAndXlsx() throws Exception {
        Map<String, Object> formula = broadcast(school, "2024-03-04T07:15:00+07:00");
        formula.put("title", "=HYPERLINK(\"http://x\"), bài 1");
        post(TestTokens.ingest(), List.of(formula, session(school, "2024-03-08T14:00:00+07:00"))).statusCode(202);

        byte[] csv = asReader().queryParam("unit", school).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .queryParam("format", "csv").get("/api/v1/outreach-events").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFThời điểm,Loại,Mã đơn vị,Tên đơn vị,Tên bài / chuyên đề,Thời lượng (giây)");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("2024-03-08 14:00,Sinh hoạt chuyên đề," + school).contains("Giáo viên,45");
        // The title a spreadsheet would run as a formula is written as text.
        assertThat(lines.get(2)).startsWith("2024-03-04 07:15,Phát thanh," + school).contains("\"'=HYPERLINK(\"\"http://x\"\"), bài 1\",300");

        byte[] xlsx = asReader().queryParam("unit", root).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .queryParam("format", "xlsx").get("/api/v1/outreach-events").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Tên bài / chuyên đề");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\"), bài 1");
            assertThat(sheet.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(300.0);
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(45.0);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Trường " + school);
        }
    }

    @Test
    void badParametersAreNamed() {
        for (String[] bad : List.of(new String[] { "from", "2024-13-01" }, new String[] { "to", "yesterday" },
                new String[] { "type", "PODCAST" }, new String[] { "size", "501" }, new String[] { "page", "-1" },
                new String[] { "format", "pdf" }, new String[] { "unit", "NO-SUCH-UNIT" }, new String[] { "from", "1999-12-31" })) {
            asReader().queryParam(bad[0], bad[1]).get("/api/v1/outreach-events").then().statusCode(400)
                    .body("errors.field", hasItem(bad[0]));
        }
        asReader().queryParam("from", "2010-01-01").queryParam("to", "2020-01-01").get("/api/v1/outreach-events").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        asIngest().get("/api/v1/outreach-events").then().statusCode(403);
    }

    @Test
    void unitsSayWhetherTheyHaveABroadcastSystem() {
        asReader().get("/api/v1/units/" + school).then().statusCode(200).body("broadcastSystem", equalTo(true));
        asReader().get("/api/v1/units/" + district).then().statusCode(200).body("broadcastSystem", equalTo(false));
        // Not given: false.
        String plain = unique("MN");
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Trường mầm non", "type", "SCHOOL", "parentCode", root))
                .put("/api/v1/units/" + plain).then().statusCode(201);
        asReader().get("/api/v1/units/" + plain).then().statusCode(200).body("broadcastSystem", equalTo(false));
        // Not a boolean: refused (422, as the other fields are), naming the field, and the unit is as it was.
        Map<String, Object> notBoolean = new LinkedHashMap<>(Map.of("name", "Trường mầm non", "type", "SCHOOL", "parentCode", root));
        notBoolean.put("broadcastSystem", "maybe");
        asAdmin().contentType(ContentType.JSON).body(notBoolean).put("/api/v1/units/" + plain).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("broadcastSystem"));
        asReader().get("/api/v1/units/" + plain).then().statusCode(200).body("broadcastSystem", equalTo(false));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.UNITS)) {
            String a = unique("CSV");
            String b = unique("CSV");
            asAdmin().contentType("text/csv").body("code,name,type,parentCode,adultPopulation,broadcastSystem\n"
                    + a + ",Trường A,SCHOOL," + root + ",,true\n" + b + ",Trường B,SCHOOL," + root + ",,\n")
                    .post("/api/v1/units:import").then().statusCode(200);
            asReader().get("/api/v1/units/" + a).then().body("broadcastSystem", equalTo(true));
            asReader().get("/api/v1/units/" + b).then().body("broadcastSystem", equalTo(false));
            List<TopicReader.Message> published = await().atMost(Duration.ofSeconds(30)).until(
                    () -> reader.poll().stream().filter(m -> m.key().equals(a)).toList(), m -> !m.isEmpty());
            assertThat(published.get(0).value()).contains("\"broadcastSystem\":true");
        }
        asAdmin().contentType("text/csv").body("code,name,type,parentCode,adultPopulation,broadcastSystem\n"
                + unique("CSV") + ",Trường C,SCHOOL," + root + ",,maybe\n").post("/api/v1/units:import").then().statusCode(422)
                .body("errors[0].field", equalTo("broadcastSystem")).body("errors[0].row", equalTo(2));
    }

    @Test
    void theDashboardsOriginMayCallFromTheBrowser() {
        given().header("Origin", "http://localhost:8083").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options("/api/v1/outreach-events").then()
                .header("Access-Control-Allow-Origin", "http://localhost:8083")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", "http://localhost:8083").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").options("/api/v1/outreach-events").then()
                .header("Access-Control-Allow-Origin", "http://localhost:8083")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("GET"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("authorization"));
        String allowed = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/outreach-events").then().extract().header("Access-Control-Allow-Origin");
        assertThat(allowed).isNull();
    }

    private List<TopicReader.Message> mine(List<TopicReader.Message> messages) {
        List<TopicReader.Message> mine = new ArrayList<>();
        for (TopicReader.Message m : messages) {
            if (m.key().equals(school) || m.key().equals(otherSchool) || m.key().equals(district)) {
                mine.add(m);
            }
        }
        return mine;
    }

    private static void unit(String code, String type, String parent, boolean broadcastSystem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Trường " + code);
        body.put("type", type);
        body.put("parentCode", parent);
        body.put("broadcastSystem", broadcastSystem);
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/units/" + code).then().statusCode(201);
    }

    private static Map<String, Object> broadcast(String unit, String at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", unique("bc"));
        e.put("type", "BROADCAST_AIRED");
        e.put("occurredAt", at);
        e.put("unitCode", unit);
        e.put("title", "Hướng dẫn nộp hồ sơ chuyển trường trực tuyến");
        e.put("durationSeconds", 300);
        return e;
    }

    private static Map<String, Object> session(String unit, String at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", unique("ss"));
        e.put("type", "SESSION_HELD");
        e.put("occurredAt", at);
        e.put("unitCode", unit);
        e.put("title", "Sinh hoạt chuyên đề: thanh toán trực tuyến");
        e.put("audience", "TEACHERS");
        e.put("participants", 45);
        return e;
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/outreach-events").then();
    }
}
