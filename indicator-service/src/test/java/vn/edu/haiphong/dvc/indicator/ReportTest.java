package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * The plan report to the city, read back as its reader would: the XLSX with POI, the CSV as bytes, the
 * PDF's text with PDFBox. Every number is compared with the independent computation of the data set.
 */
@QuarkusTest
class ReportTest {

    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate TO = LocalDate.of(2024, 12, 31);
    static final String QUOTED = "Trường \"Hoa Sen\", cơ sở 2";
    static final String EMOJI = "Tổ công nghệ \u6F22 \uD83E\uDD84 số";

    private static DataSet data;

    @BeforeEach
    void publishADepartmentOnce() {
        if (data != null) {
            return;
        }
        data = new DataSet(8_2024L, "RPT", 150);
        List<Object> messages = new ArrayList<>(data.shuffledWithDuplicates());
        // A unit whose name needs quoting in CSV: no dossiers, ranked last.
        messages.add(new UnitRecord("RPT-HS", QUOTED, UnitType.SCHOOL, data.root, null));
        // A name with characters the PDF's font lacks (a Chinese character, a recent emoji), below a district: its own report must not fail.
        messages.add(new UnitRecord("RPT-EMO", EMOJI, UnitType.OFFICE, data.districts.get(0), null));
        Published.send(messages);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root) && Indicators.matches(FROM, TO, data.districts.get(0))
                        && given().auth().oauth2(TestTokens.reader()).get("/api/v1/units").then().extract().asString().contains("RPT-HS")
                        && given().auth().oauth2(TestTokens.reader()).get("/api/v1/units").then().extract().asString().contains("RPT-EMO"));
        // Row 12 takes the status an admin reports.
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{ \"status\": \"DONE\", \"note\": \"" + ROW_12_NOTE
                + "\" }").put("/api/v1/plans/2024/tasks/12").then().statusCode(200);
    }

    static final String ROW_12_NOTE = "Đã sinh hoạt chuyên đề tại 40 trường";

    /** The Vietnamese verdict the report gives each task: measured over the report's scope; row 12 as reported (DONE). */
    private static Map<Integer, String> expectedTaskVerdicts() {
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, FROM, TO, data.root);
        Map<String, BigDecimal> targets = PlanTasksTest.targets2024();
        Map<Integer, String> verdicts = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<String>> row : PlanTasksTest.MEASURES.entrySet()) {
            String status = row.getKey() == 12 ? "met" : PlanTasksTest.expectedStatus(row.getValue(), expected, targets);
            verdicts.put(row.getKey(), Map.of("met", "Đạt", "behind", "Chưa đạt", "no-data", "Chưa có số liệu").get(status));
        }
        // Row 1: whatever was last reported of it (other tests report it), or no data.
        String row1 = given().auth().oauth2(TestTokens.reader()).get("/api/v1/plans/2024/tasks").then().extract()
                .path("find { it.number == 1 }.status");
        verdicts.put(1, Map.of("met", "Đạt", "behind", "Chưa đạt", "no-data", "Chưa có số liệu").get(row1));
        return verdicts;
    }

    @Test
    void xlsxOpensWithTheThirteenTasksTheirVerdictsAndFigures() throws Exception {
        Response response = report("xlsx");
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, FROM, TO, data.root);
        Map<Integer, String> verdicts = expectedTaskVerdicts();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            assertThat(book.getSheetName(0)).isEqualTo("Nhiệm vụ");
            assertThat(book.getSheetName(1)).isEqualTo("Tổng hợp");
            Sheet tasks = book.getSheetAt(0);
            assertThat(tasks.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DỊCH VỤ CÔNG TRỰC TUYẾN NĂM 2024");
            int heading = headingRow(tasks, "STT");
            assertThat(texts(tasks.getRow(heading))).containsExactly("STT", "Nhiệm vụ, giải pháp", "Chủ trì", "Phối hợp", "Sản phẩm",
                    "Thời gian thực hiện", "Đánh giá", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Kết quả (%)", "Chỉ tiêu kế hoạch (%)",
                    "Tiến độ báo cáo", "Ghi chú");
            Map<Integer, List<String>> measured = new LinkedHashMap<>();
            for (int r = heading + 1; r <= tasks.getLastRowNum(); r++) {
                Row row = tasks.getRow(r);
                int number = (int) row.getCell(0).getNumericCellValue();
                assertThat(row.getCell(6).getStringCellValue()).as("verdict of task %s", number).isEqualTo(verdicts.get(number));
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Năm 2024");
                List<String> ids = measured.computeIfAbsent(number, k -> new ArrayList<>());
                if (row.getCell(7) != null) {
                    String id = row.getCell(7).getStringCellValue();
                    ids.add(id);
                    assertThat((long) row.getCell(8).getNumericCellValue()).as("numerator of %s", id).isEqualTo(expected.get(id).numerator());
                    assertThat(row.getCell(9) == null ? null : (long) row.getCell(9).getNumericCellValue()).as("denominator of %s", id)
                            .isEqualTo(expected.get(id).denominator());
                }
                if (number == 12) {
                    assertThat(row.getCell(12).getStringCellValue()).isEqualTo("Đã hoàn thành");
                    assertThat(row.getCell(13).getStringCellValue()).isEqualTo(ROW_12_NOTE);
                }
                if (number == 6) {
                    assertThat(row.getCell(1).getStringCellValue())
                            .isEqualTo("50% hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa");
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Bộ phận Một cửa Sở");
                    assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(50.0);
                }
            }
            assertThat(measured.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
            measured.forEach((n, ids) -> assertThat(ids).as("indicators of task %s", n).containsExactlyElementsOf(PlanTasksTest.MEASURES.get(n)));
        }
    }

    @Test
    void xlsxHasTheSummaryAndThePerUnitSheetWithTheRightNumbers() throws Exception {
        Response response = report("xlsx");
        assertThat(response.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.header("Content-Disposition")).contains("attachment").contains("filename=\"bao-cao-ke-hoach-2024-RPT-SGD.xlsx\"");
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, FROM, TO, data.root);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet summary = book.getSheet("Tổng hợp");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DỊCH VỤ CÔNG TRỰC TUYẾN NĂM 2024");
            int heading = headingRow(summary, "STT");
            assertThat(texts(summary.getRow(heading))).containsExactly("STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số",
                    "Kết quả (%)", "Chỉ tiêu kế hoạch (%)", "Đánh giá", "Cần thêm để đạt", "Đơn vị tính");
            for (int r = heading + 1; r <= heading + Indicator.values().length; r++) {
                Row row = summary.getRow(r);
                String id = row.getCell(1).getStringCellValue();
                Expected.Pair pair = expected.get(id);
                assertThat((long) row.getCell(3).getNumericCellValue()).as("numerator of %s", id).isEqualTo(pair.numerator());
                assertThat(row.getCell(4) == null ? null : (long) row.getCell(4).getNumericCellValue()).as("denominator of %s", id)
                        .isEqualTo(pair.denominator());
                if (pair.denominator() != null && pair.denominator() > 0) {
                    assertThat(row.getCell(5).getNumericCellValue()).as("value of %s", id).isEqualTo(percent(pair).doubleValue());
                }
                String verdict = row.getCell(7).getStringCellValue();
                if (row.getCell(6) == null) {
                    assertThat(verdict).isEqualTo("Không có chỉ tiêu");
                } else if (pair.denominator() != null && pair.denominator() > 0) {
                    boolean met = percent(pair).compareTo(BigDecimal.valueOf(row.getCell(6).getNumericCellValue())) >= 0;
                    assertThat(verdict).as("verdict of %s", id).isEqualTo(met ? "Đạt" : "Chưa đạt");
                }
            }
            assertThat(summary.getRow(heading + 3).getCell(1).getStringCellValue()).isEqualTo("online-submission");
            assertThat(summary.getRow(heading + 3).getCell(2).getStringCellValue()).isEqualTo("Tỷ lệ hồ sơ nộp trực tuyến");
            assertThat(summary.getRow(heading + 3).getCell(6).getNumericCellValue()).isEqualTo(50.0);

            Sheet detail = book.getSheet("Theo đơn vị");
            assertThat(texts(detail.getRow(0))).startsWith("Mã chỉ tiêu", "Tên chỉ tiêu", "Phạm vi", "Xếp hạng", "Mã đơn vị");
            int districtRows = 0;
            for (int r = 1; r <= detail.getLastRowNum(); r++) {
                Row row = detail.getRow(r);
                String unit = row.getCell(4) == null ? null : row.getCell(4).getStringCellValue();
                if (data.districts.contains(unit)) {
                    String id = row.getCell(0).getStringCellValue();
                    Expected.Pair pair = Expected.indicators(Published.LEDGER, FROM, TO, unit).get(id);
                    assertThat((long) row.getCell(6).getNumericCellValue()).as("%s of %s", id, unit).isEqualTo(pair.numerator());
                    districtRows++;
                }
            }
            assertThat(districtRows).isEqualTo(Indicator.values().length * 3);
        }
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndQuotesWhatNeedsIt() {
        Response response = report("csv");
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("bao-cao-ke-hoach-2024-RPT-SGD.csv");
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] sections = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n\r\n");
        // r2: a third section, the national scorecard (ScorecardTest checks its numbers; here, that it is there).
        assertThat(sections).hasSize(3);
        String[] scorecard = sections[2].split("\r\n");
        assertThat(scorecard[0]).startsWith("Năm,Mã,\"Nhóm, tiêu chí\",Mã chỉ tiêu,Kết quả (%),").endsWith(",Phiên bản (ước tính)");
        Map<String, Object> card = scorecardOf(data.root);
        assertThat(scorecard).contains("2024,Tổng,Tổng điểm (ước tính),,,,100,"
                + new BigDecimal(card.get("possible").toString()).setScale(2).toPlainString() + ","
                + new BigDecimal(card.get("earned").toString()).setScale(2).toPlainString() + ",,,,,766-2024.1 (ước tính)");
        assertThat(scorecard).anyMatch(l -> l.startsWith("2024,2.1,") && l.contains(",processed-on-time,"));
        assertThat(scorecard).anyMatch(l -> l.startsWith("2024,5.3-5.6,"));
        // First the tasks, one line per measuring indicator (one for row 1), then the indicators.
        String[] tasks = sections[0].split("\r\n");
        assertThat(tasks[0]).isEqualTo("Năm,STT,\"Nhiệm vụ, giải pháp\",Chủ trì,Phối hợp,Sản phẩm,Thời gian thực hiện,Đánh giá,Mã chỉ tiêu,"
                + "Tử số,Mẫu số,Kết quả (%),Chỉ tiêu kế hoạch (%),Tiến độ báo cáo,Ghi chú");
        assertThat(tasks).hasSize(1 + 14);
        Map<Integer, String> verdicts = expectedTaskVerdicts();
        Expected.Pair synced = Expected.indicators(Published.LEDGER, FROM, TO, data.root).get("results-synced");
        assertThat(tasks).anyMatch(l -> l.startsWith("2024,10,") && l.contains(",Năm 2024," + verdicts.get(10) + ",results-synced,"
                + synced.numerator() + "," + synced.denominator() + ","));
        assertThat(tasks).anyMatch(l -> l.startsWith("2024,12,") && l.contains(",Năm 2024,Đạt,schools-with-outreach-sessions,")
                && l.endsWith(",Đã hoàn thành," + ROW_12_NOTE));
        String[] lines = sections[1].split("\r\n");
        assertThat(lines[0]).isEqualTo("Năm,Mã chỉ tiêu,Tên chỉ tiêu,Phạm vi,Xếp hạng,Mã đơn vị,Tên đơn vị,Tử số,Mẫu số,Kết quả (%),"
                + "Chỉ tiêu kế hoạch (%),Đánh giá");
        Expected.Pair online = Expected.indicators(Published.LEDGER, FROM, TO, data.root).get("online-submission");
        assertThat(lines).contains("2024,online-submission,Tỷ lệ hồ sơ nộp trực tuyến,Tổng hợp,,RPT-SGD,Sở Giáo dục và Đào tạo RPT (RPT-SGD),"
                + online.numerator() + "," + online.denominator() + "," + percent(online).toPlainString() + ",50,"
                + (percent(online).compareTo(BigDecimal.valueOf(50)) >= 0 ? "Đạt" : "Chưa đạt"));
        Expected.Pair district = Expected.indicators(Published.LEDGER, FROM, TO, data.districts.get(1)).get("online-submission");
        assertThat(lines).anyMatch(l -> l.startsWith("2024,online-submission,Tỷ lệ hồ sơ nộp trực tuyến,Đơn vị trực thuộc,")
                && l.contains("," + data.districts.get(1) + ",Phòng GDĐT quận 2," + district.numerator() + "," + district.denominator() + ","));
        // The unit with no dossiers: its name quoted, no rank, no value.
        assertThat(lines).contains("2024,online-submission,Tỷ lệ hồ sơ nộp trực tuyến,Đơn vị trực thuộc,,RPT-HS,"
                + "\"Trường \"\"Hoa Sen\"\", cơ sở 2\",0,0,,50,Chưa có số liệu");
        assertThat(lines).hasSize(1 + Indicator.values().length * (1 + 4));
    }

    /** r2: the scorecard sheet, over the report's scope and year: its total is /scorecard's, every criterion is there. */
    @Test
    void xlsxHasTheScorecardSheetWithTheTotalOfTheScorecard() throws Exception {
        Response response = report("xlsx");
        Map<String, Object> card = scorecardOf(data.root);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = book.getSheet("Chỉ số 766 (ước tính)");
            assertThat(sheet).isNotNull();
            assertThat(book.getSheetIndex(sheet)).isEqualTo(3);
            List<String> texts = new ArrayList<>();
            sheet.forEach(row -> texts.add(row.getCell(0) == null ? "" : row.getCell(0).toString()));
            assertThat(texts).anyMatch(t -> t.contains("766/QĐ-TTg") && t.contains("ước tính"));
            assertThat(texts).anyMatch(t -> t.contains("766-2024.1"));
            int heading = headingRow(sheet, "Mã");
            assertThat(texts(sheet.getRow(heading))).containsExactly("Mã", "Nhóm, tiêu chí", "Mã chỉ tiêu", "Kết quả (%)",
                    "Mức đạt điểm tối đa (%)", "Điểm tối đa", "Điểm có số liệu", "Điểm đạt", "Điểm bị mất", "Cần thêm để đạt điểm tối đa",
                    "Đơn vị tính", "Ghi chú");
            Map<String, Row> byId = new LinkedHashMap<>();
            for (int r = heading + 1; r <= sheet.getLastRowNum(); r++) {
                byId.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            }
            assertThat(byId.keySet()).containsExactly("2", "2.1", "3", "3.1", "4", "4.1", "4.2", "4.3", "5", "5.1", "5.2", "5.7", "6", "6.4",
                    "Tổng", "1", "5.3-5.6", "6.1-6.3");
            Row total = byId.get("Tổng");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(100.0);
            assertThat(BigDecimal.valueOf(total.getCell(7).getNumericCellValue())).as("earned")
                    .isEqualByComparingTo(new BigDecimal(card.get("earned").toString()));
            assertThat(BigDecimal.valueOf(total.getCell(6).getNumericCellValue())).as("possible")
                    .isEqualByComparingTo(new BigDecimal(card.get("possible").toString()));
            // A criterion: its indicator's name and value, as /scorecard serves them.
            Row processed = byId.get("2.1");
            assertThat(processed.getCell(1).getStringCellValue()).isEqualTo(Indicator.byId("processed-on-time").orElseThrow().vi);
            assertThat(processed.getCell(2).getStringCellValue()).isEqualTo("processed-on-time");
            String path = "groups.find { it.id == '2' }.criteria[0].";
            io.restassured.path.json.JsonPath json = scorecardJson(data.root);
            assertThat(BigDecimal.valueOf(processed.getCell(3).getNumericCellValue())).isEqualByComparingTo(json.getString(path + "value"));
            assertThat(BigDecimal.valueOf(processed.getCell(7).getNumericCellValue())).isEqualByComparingTo(json.getString(path + "points"));
            assertThat((long) processed.getCell(9).getNumericCellValue()).isEqualTo(json.getLong(path + "needed"));
            assertThat(byId.get("1").getCell(11).getStringCellValue()).startsWith("Chưa tính được; cần dữ liệu: ");
        }
        // A year before any definition (2023) has no scorecard part, in any format.
        Response before = reader().queryParam("year", "2023").queryParam("unit", data.root).queryParam("format", "xlsx")
                .get("/api/v1/reports/plan").then().statusCode(200).extract().response();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(before.asByteArray()))) {
            assertThat(book.getSheet("Chỉ số 766 (ước tính)")).isNull();
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
        }
        String csv = reader().queryParam("year", "2023").queryParam("unit", data.root).queryParam("format", "csv")
                .get("/api/v1/reports/plan").then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain("Phiên bản (ước tính)");
    }

    @Test
    void pdfHasTheScorecardPage() throws Exception {
        Response response = report("pdf");
        Map<String, Object> card = scorecardOf(data.root);
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            String flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(flat).contains("III. Bộ chỉ số chỉ đạo, điều hành").contains("766/QĐ-TTg").contains("766-2024.1")
                    .contains("ước tính").contains("Tổng điểm (ước tính)").contains("Công khai, minh bạch");
            String earned = new BigDecimal(card.get("earned").toString()).stripTrailingZeros().toPlainString().replace('.', ',');
            assertThat(flat).contains("Điểm đạt: " + earned + " / ");
            // The scorecard comes after the units and before the signatures.
            assertThat(flat.indexOf("III. Bộ chỉ số")).isGreaterThan(flat.indexOf("Chi tiết theo đơn vị trực thuộc"));
            assertThat(flat.lastIndexOf("GIÁM ĐỐC")).isGreaterThan(flat.indexOf("III. Bộ chỉ số"));
        }
    }

    private static Map<String, Object> scorecardOf(String unit) {
        return scorecardJson(unit).getMap("");
    }

    private static io.restassured.path.json.JsonPath scorecardJson(String unit) {
        return reader().queryParam("from", FROM.toString()).queryParam("to", TO.toString()).queryParam("unit", unit)
                .get("/api/v1/scorecard").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aNameWithACharacterTheFontLacksIsDrawnAsAQuestionMarkNeverA500() throws Exception {
        Response response = reader().queryParam("year", "2024").queryParam("unit", "RPT-EMO").queryParam("format", "pdf")
                .get("/api/v1/reports/plan").then().statusCode(200).extract().response();
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Phạm vi: Tổ công nghệ ? ? số (RPT-EMO)");
        }
        // The other formats keep the name as it is (its district's CSV lists it among the units below).
        assertThat(new String(reader().queryParam("year", "2024").queryParam("unit", data.districts.get(0)).queryParam("format", "csv")
                .get("/api/v1/reports/plan").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8)).contains(EMOJI);
    }

    @Test
    void pdfEmbedsAFontWithVietnameseAndSaysTheNumbers() throws Exception {
        Response response = report("pdf");
        assertThat(response.contentType()).startsWith("application/pdf");
        assertThat(response.header("Content-Disposition")).contains("bao-cao-ke-hoach-2024-RPT-SGD.pdf");
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DỊCH VỤ CÔNG TRỰC TUYẾN NĂM 2024")
                    .contains("Phạm vi: Sở Giáo dục và Đào tạo RPT (RPT-SGD)")
                    .contains("Kỳ báo cáo: từ 01/01/2024 đến 31/12/2024")
                    .contains("Tỷ lệ hồ sơ nộp trực tuyến").contains("Chi tiết theo đơn vị trực thuộc")
                    .contains("Phòng GDĐT quận 3").contains("Chưa có số liệu");
            Expected.Pair online = Expected.indicators(Published.LEDGER, FROM, TO, data.root).get("online-submission");
            String vi = percent(online).stripTrailingZeros().toPlainString().replace('.', ',');
            assertThat(text).contains(vi);
            // The tasks come first, with their verdicts; the signatures and page numbers end it.
            assertThat(text.indexOf("I. Kết quả thực hiện các nhiệm vụ, giải pháp")).isLessThan(text.indexOf("II. Kết quả các chỉ tiêu"));
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("Rà soát các thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình")
                    .contains("Bộ phận Một cửa Sở").contains("Báo cáo: Đã hoàn thành — " + ROW_12_NOTE)
                    .contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG").contains("NGƯỜI LẬP BIỂU").contains("GIÁM ĐỐC")
                    .contains("Trang 1/" + pdf.getNumberOfPages()).contains("Trang " + pdf.getNumberOfPages() + "/" + pdf.getNumberOfPages());
            assertThat(text.lastIndexOf("GIÁM ĐỐC")).isGreaterThan(text.indexOf("Phòng GDĐT quận 3"));
            Map<Integer, String> verdicts = expectedTaskVerdicts();
            String tasksPart = flat.substring(flat.indexOf("I. Kết quả thực hiện"), flat.indexOf("II. Kết quả các chỉ tiêu"));
            for (String verdict : verdicts.values()) {
                assertThat(tasksPart).contains(verdict);
            }
            Expected.Pair submission = Expected.indicators(Published.LEDGER, FROM, TO, data.root).get("online-submission");
            assertThat(tasksPart).contains("Tỷ lệ hồ sơ nộp trực tuyến: " + vi + "% (" + human(submission.numerator()) + "/"
                    + human(submission.denominator()) + "), chỉ tiêu 50%");
            List<String> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans"));
        }
    }

    @Test
    void badParametersAreNamed() {
        reader().queryParam("year", "2024").queryParam("format", "docx").get("/api/v1/reports/plan").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        reader().queryParam("year", "hai nghìn").get("/api/v1/reports/plan").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        reader().queryParam("year", "1999").get("/api/v1/reports/plan").then().statusCode(400).body("errors[0].field", equalTo("year"));
        reader().queryParam("year", "2024").queryParam("unit", "NO-SUCH-UNIT").get("/api/v1/reports/plan").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unit"));
        reader().queryParam("year", "3000").queryParam("unit", "NO-SUCH-UNIT").queryParam("format", "odt")
                .get("/api/v1/reports/plan").then().statusCode(400).body("errors.field", hasItems("year", "unit", "format"));
    }

    private static Response report(String format) {
        return reader().queryParam("year", "2024").queryParam("unit", data.root).queryParam("format", format)
                .get("/api/v1/reports/plan").then().statusCode(200).extract().response();
    }

    private static io.restassured.specification.RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.reader());
    }

    private static BigDecimal percent(Expected.Pair pair) {
        return BigDecimal.valueOf(pair.numerator()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(pair.denominator()), 2, RoundingMode.HALF_UP);
    }

    /** 10.240, as the PDF writes a count. */
    private static String human(Long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }

    private static int headingRow(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && first.equals(row.getCell(0).toString())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("No heading row starting with " + first);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }
}
