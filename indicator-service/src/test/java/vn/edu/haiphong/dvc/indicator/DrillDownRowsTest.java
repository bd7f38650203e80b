package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * The rows of a drill-down carry what a clerk needs, each field checked against a reading of the events sent (the
 * contract's words in plain Java, not the service's rule): procedure and unit with their names, the dates, channel,
 * late at the period's cut-off and the working days late by the 2024 calendar as the contract lists it. Then sort,
 * filters, the exports (parsed, and equal to the API), and nothing personal anywhere.
 */
@QuarkusTest
class DrillDownRowsTest {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final DataSet DATA = new DataSet(20_241_203L, "DRL", 160);
    private static final LocalDate FROM = LocalDate.of(2024, 6, 1);
    private static final LocalDate TO = LocalDate.of(2024, 6, 30);
    /** The contract's 2024 days off (section 6) and the Saturday worked in exchange. */
    private static final Set<LocalDate> HOLIDAYS_2024 = Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9),
            LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13), LocalDate.of(2024, 2, 14), LocalDate.of(2024, 4, 18),
            LocalDate.of(2024, 4, 29), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 2),
            LocalDate.of(2024, 9, 3));
    private static final LocalDate WORKED_2024 = LocalDate.of(2024, 5, 4);

    private static boolean sent;

    /** Sends the data set once, from the first test (the application and its consumers are up by then), and waits for it. */
    private static synchronized void send() {
        if (sent) {
            return;
        }
        sent = true;
        Published.send(DATA.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), DATA.root));
    }

    /** What the events of one dossier say. */
    static final class Dossier {
        String procedure;
        String unit;
        DossierEvent submitted;
        DossierEvent received;
        DossierEvent result;
        DossierEvent withdrawn;
        final List<DossierEvent> steps = new ArrayList<>();
    }

    private static Map<String, Dossier> dossiers() {
        Map<String, Dossier> byCode = new HashMap<>();
        for (Object o : DATA.events) {
            if (!(o instanceof DossierEvent e)) {
                continue;
            }
            Dossier d = byCode.computeIfAbsent(e.dossierCode(), k -> new Dossier());
            d.procedure = e.procedureCode();
            d.unit = e.unitCode();
            switch (e.type()) {
                case SUBMITTED -> d.submitted = e;
                case RECEIVED -> d.received = e;
                case RESULT_ISSUED -> d.result = e;
                case WITHDRAWN -> d.withdrawn = e;
                case SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED -> d.steps.add(e);
                default -> { }
            }
        }
        return byCode;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (Object o : DATA.reference) {
            if (o instanceof UnitRecord u) {
                names.put(u.code(), u.name());
            } else if (o instanceof ProcedureRecord p) {
                names.put(p.code(), p.name());
            }
        }
        return names;
    }

    @Test
    void eachDossierRowCarriesItsProcedureUnitDatesAndLatenessAsTheEventsSay() {
        send();
        Map<String, Dossier> dossiers = dossiers();
        Map<String, String> names = names();
        OffsetDateTime cut = TO.plusDays(1).atStartOfDay().atOffset(VN);
        List<Map<String, Object>> rows = all("processed-on-time", "denominator", Map.of());
        assertThat(rows).as("the data set has dossiers in process in June 2024").hasSizeGreaterThan(10);
        int late = 0;
        for (Map<String, Object> row : rows) {
            String code = (String) row.get("dossierCode");
            Dossier d = dossiers.get(code);
            assertThat(d).as(code).isNotNull();
            assertThat(row.get("procedureCode")).as(code).isEqualTo(d.procedure);
            assertThat(row.get("procedureName")).as(code).isEqualTo(names.get(d.procedure));
            assertThat(row.get("unitCode")).as(code).isEqualTo(d.unit);
            assertThat(row.get("unitName")).as(code).isEqualTo(names.get(d.unit));
            assertTime(row.get("submittedAt"), d.submitted, code + " submittedAt");
            assertTime(row.get("receivedAt"), d.received, code + " receivedAt");
            assertTime(row.get("resultIssuedAt"), d.result, code + " resultIssuedAt");
            assertTime(row.get("withdrawnAt"), d.withdrawn, code + " withdrawnAt");
            assertThat(row.get("channel")).as(code).isEqualTo(d.submitted == null ? null : d.submitted.channel().name());
            OffsetDateTime end = end(d);
            boolean expectLate = late(d, end, cut);
            assertThat(row.get("late")).as("%s late at %s", code, cut).isEqualTo(expectLate);
            if (expectLate) {
                late++;
                OffsetDateTime due = due(d, cut);
                LocalDate last = end != null && !end.isAfter(cut) ? end.atZoneSameInstant(VN).toLocalDate() : TO;
                assertThat(((Number) row.get("workingDaysLate")).longValue()).as("%s working days late", code)
                        .isEqualTo(workingDays(due.atZoneSameInstant(VN).toLocalDate(), last));
            } else {
                assertThat(row).as(code).doesNotContainKey("workingDaysLate");
            }
        }
        assertThat(late).as("some of them were late").isPositive();
        // The row tells the number's story: the numerator's rows are not late, the gap's are.
        assertThat(all("processed-on-time", "numerator", Map.of())).allSatisfy(r -> assertThat(r.get("late")).isEqualTo(false));
        assertThat(all("processed-on-time", "gap", Map.of())).allSatisfy(r -> assertThat(r.get("late")).isEqualTo(true));
    }

    @Test
    void sortAndFiltersOrderAndNarrowTheRows() {
        send();
        Map<String, Dossier> dossiers = dossiers();
        List<Map<String, Object>> byDue = all("processed-on-time", "denominator", Map.of("sort", "-dueDate"));
        List<OffsetDateTime> dues = byDue.stream().map(r -> OffsetDateTime.parse((String) r.get("due"))).toList();
        for (int i = 1; i < dues.size(); i++) {
            assertThat(dues.get(i)).as("row %d by due, latest first", i).isBeforeOrEqualTo(dues.get(i - 1));
        }
        List<Map<String, Object>> byCode = all("online-submission", "denominator", Map.of());
        List<String> codes = byCode.stream().map(r -> (String) r.get("dossierCode")).toList();
        assertThat(codes).as("the default order stays the codes'").isSorted();

        String procedure = "DRL-P1";
        String school = DATA.schools.get(0);
        long expected = dossiers.values().stream().filter(d -> d.submitted != null && in(d.submitted) && procedure.equals(d.procedure)
                && school.equals(d.unit)).count();
        List<Map<String, Object>> filtered = all("online-submission", "denominator", Map.of("procedure", procedure, "unitCode", school));
        assertThat(filtered).hasSize((int) expected).allSatisfy(r -> {
            assertThat(r.get("procedureCode")).isEqualTo(procedure);
            assertThat(r.get("unitCode")).isEqualTo(school);
        });
        assertThat(expected).isPositive();

        reader().queryParam("sort", "applicant").get(path("online-submission")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("sort"));
        // A transaction's amount is no field of a dossier row.
        reader().queryParam("sort", "amount").get(path("online-submission")).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("sort"));
        reader().queryParam("format", "pdf").get(path("online-submission")).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
    }

    @Test
    void theExportsCarryTheWholeListAsTheApiServesItAndNothingPersonal() throws Exception {
        send();
        Map<String, String> query = Map.of("sort", "receivedAt");
        List<Map<String, Object>> api = all("dossier-digitization", "denominator", query);
        assertThat(api).hasSizeGreaterThan(2);

        Response csv = reader().queryParams(scope()).queryParams(query).queryParam("set", "denominator").queryParam("format", "csv")
                .get(path("dossier-digitization"));
        csv.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"));
        byte[] bytes = csv.asByteArray();
        assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).as("a byte-order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("Mã hồ sơ,Mã thủ tục,Thủ tục,Mã đơn vị,Đơn vị").contains("Hạn giải quyết", "Trễ hạn");
        assertThat(lines).hasSize(api.size() + 1);
        for (int i = 0; i < api.size(); i++) {
            assertThat(lines[i + 1].split(",")[0]).as("CSV row %d", i + 1).isEqualTo(api.get(i).get("dossierCode"));
        }

        byte[] xlsx = reader().queryParams(scope()).queryParams(query).queryParam("set", "denominator").queryParam("format", "xlsx")
                .get(path("dossier-digitization")).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hồ sơ");
            assertThat(sheet.getLastRowNum()).isEqualTo(api.size());
            for (int i = 0; i < api.size(); i++) {
                Row row = sheet.getRow(i + 1);
                Map<String, Object> item = api.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(item.get("dossierCode"));
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(item.get("procedureName"));
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(item.get("unitName"));
                Cell days = row.getCell(18);
                Object expected = item.get("workingDaysLate");
                if (expected == null) {
                    assertThat(days == null || days.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK).isTrue();
                } else {
                    assertThat((long) days.getNumericCellValue()).isEqualTo(((Number) expected).longValue());
                }
            }
        }

        // No applicant field, and no applicant's id (DataSet's ids are 64 hex digits) in any answer.
        String json = reader().queryParams(scope()).queryParam("set", "denominator").queryParam("size", 500)
                .get(path("online-submission")).asString();
        for (String body : List.of(json, text)) {
            assertThat(body).doesNotContainIgnoringCase("applicant").doesNotContainPattern("[0-9a-f]{64}");
        }
    }

    @Test
    void anExportFilteredToNothingIsAHeadingAloneAndNeedsAReader() {
        send();
        reader().queryParams(scope()).queryParam("format", "csv").queryParam("unitCode", "NO-SUCH-UNIT").get(path("online-submission"))
                .then().statusCode(200);
        given().queryParam("format", "csv").get(path("online-submission")).then().statusCode(401);
        given().auth().oauth2(TestTokens.ingest()).queryParam("format", "csv").get(path("online-submission")).then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.reader());
    }

    private static Map<String, String> scope() {
        return Map.of("from", FROM.toString(), "to", TO.toString(), "unit", DATA.root);
    }

    private static String path(String id) {
        return "/api/v1/indicators/" + id + "/dossiers";
    }

    /** Every row of a set, page by page. */
    private static List<Map<String, Object>> all(String id, String set, Map<String, String> query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            var json = reader().queryParams(scope()).queryParams(query).queryParam("set", set).queryParam("page", page)
                    .queryParam("size", 100).get(path(id)).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            rows.addAll(items);
            if (rows.size() >= json.getLong("total") || items.isEmpty()) {
                return rows;
            }
        }
    }

    private static boolean in(DossierEvent e) {
        LocalDate day = e.occurredAt().atZoneSameInstant(VN).toLocalDate();
        return !day.isBefore(FROM) && !day.isAfter(TO);
    }

    private static void assertTime(Object served, DossierEvent event, String what) {
        if (event == null) {
            assertThat(served).as(what).isNull();
        } else {
            assertThat(OffsetDateTime.parse((String) served).toInstant()).as(what).isEqualTo(event.occurredAt().toInstant());
        }
    }

    /** Processing ends at the earlier of the result and the withdrawal. */
    private static OffsetDateTime end(Dossier d) {
        OffsetDateTime r = d.result == null ? null : d.result.occurredAt();
        OffsetDateTime w = d.withdrawn == null ? null : d.withdrawn.occurredAt();
        return r == null ? w : w == null || !w.isBefore(r) ? r : w;
    }

    /** The due at t: the dueAt of the latest RECEIVED or SUPPLEMENT_RECEIVED at or before t that has one (by time, then id). */
    private static OffsetDateTime due(Dossier d, OffsetDateTime t) {
        List<DossierEvent> all = new ArrayList<>(d.steps);
        all.add(d.received);
        DossierEvent latest = null;
        for (DossierEvent s : all) {
            if (s.dueAt() == null || s.occurredAt().isAfter(t)) {
                continue;
            }
            if (latest == null || s.occurredAt().isAfter(latest.occurredAt())
                    || (s.occurredAt().isEqual(latest.occurredAt()) && s.eventId().compareTo(latest.eventId()) > 0)) {
                latest = s;
            }
        }
        return latest == null ? null : latest.dueAt();
    }

    /** Late at the cut-off, the contract's (a) to (d). */
    private static boolean late(Dossier d, OffsetDateTime end, OffsetDateTime cut) {
        long requests = d.steps.stream().filter(s -> s.type() == DossierEventType.SUPPLEMENT_REQUESTED && !s.occurredAt().isAfter(cut))
                .count();
        if (requests >= 2) {
            return true;
        }
        OffsetDateTime due = due(d, cut);
        if (due == null) {
            return false;
        }
        if (end != null && !end.isAfter(cut)) {
            return end.isAfter(due);
        }
        DossierEvent latest = null;
        for (DossierEvent s : d.steps) {
            if (!s.occurredAt().isAfter(cut) && (latest == null || s.occurredAt().isAfter(latest.occurredAt())
                    || (s.occurredAt().isEqual(latest.occurredAt()) && s.type() == DossierEventType.SUPPLEMENT_RECEIVED))) {
                latest = s;
            }
        }
        if (latest != null && latest.type() == DossierEventType.SUPPLEMENT_REQUESTED) {
            return latest.occurredAt().isAfter(due);
        }
        return due.isBefore(cut);
    }

    /** The working days d with a < d <= b, by the 2024 calendar (Monday-Friday in the years never set). */
    private static long workingDays(LocalDate a, LocalDate b) {
        long n = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend ? d.equals(WORKED_2024) : !HOLIDAYS_2024.contains(d)) {
                n++;
            }
        }
        return n;
    }
}
