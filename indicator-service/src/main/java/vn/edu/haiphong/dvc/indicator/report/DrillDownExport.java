package vn.edu.haiphong.dvc.indicator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.edu.haiphong.dvc.indicator.api.DrillDownResponse;
import vn.edu.haiphong.dvc.indicator.api.DrillDownResponse.Item;
import vn.edu.haiphong.dvc.indicator.service.DrillDownService.Export;

/**
 * A drill-down as a file, in Vietnamese, the columns of its subject: CSV (UTF-8 with a byte-order mark so that Excel
 * reads Vietnamese, RFC 4180, CRLF, text that a spreadsheet would run as a formula neutralised as in the plan report)
 * or XLSX (one sheet, streamed; numbers stay numbers). Times on the department's clock, "yyyy-MM-dd HH:mm".
 */
public final class DrillDownExport {

    public static final List<String> DOSSIER = List.of("Mã hồ sơ", "Mã thủ tục", "Thủ tục", "Mã đơn vị", "Đơn vị", "Kênh nộp",
            "Nộp trực tuyến toàn trình", "Ngày nộp", "Ngày tiếp nhận", "Hạn giải quyết", "Ngày trả kết quả", "Ngày rút hồ sơ",
            "Ngày kết thúc xử lý", "Ngày đánh giá", "Mức đánh giá", "Ngày thanh toán", "Hình thức thanh toán", "Trễ hạn",
            "Số ngày làm việc trễ hạn");
    public static final List<String> TRANSACTION = List.of("Mã giao dịch", "Mã hồ sơ", "Mã thủ tục", "Thủ tục", "Mã đơn vị", "Đơn vị",
            "Kênh nộp", "Ngày thanh toán", "Hình thức thanh toán", "Số tiền (đồng)");
    public static final List<String> PROCEDURE = List.of("Mã thủ tục", "Thủ tục");
    public static final List<String> UNIT = List.of("Mã đơn vị", "Đơn vị", "Các tuần không phát (thứ Hai)");
    public static final String SHEET = "Danh sách";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DrillDownExport() {
    }

    /** chi-tieu-{id}-{set}-{unit or tat-ca}-{from}-{to}.{format} */
    public static String filename(DrillDownResponse drill, ReportFormat format) {
        return "chi-tieu-" + drill.id() + "-" + drill.set() + "-" + (drill.unit() == null ? "tat-ca" : drill.unit()) + "-" + drill.from()
                + "-" + drill.to() + "." + format.extension();
    }

    public static List<String> headings(String subject) {
        return switch (subject) {
            case "TRANSACTION" -> TRANSACTION;
            case "PROCEDURE" -> PROCEDURE;
            case "UNIT" -> UNIT;
            default -> DOSSIER;
        };
    }

    /** One row's cells, in the order of {@link #headings}: text, numbers, or null for an empty cell. */
    static List<Object> cells(String subject, Item i) {
        return switch (subject) {
            case "TRANSACTION" -> Arrays.asList(i.transactionId(), i.dossierCode(), i.procedureCode(), i.procedureName(), i.unitCode(),
                    i.unitName(), i.channel(), time(i.paidAt()), i.method(), i.amount());
            case "PROCEDURE" -> Arrays.asList(i.procedureCode(), i.procedureName());
            case "UNIT" -> Arrays.asList(i.unitCode(), i.unitName(), i.missedWeeks() == null ? null
                    : i.missedWeeks().stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
            default -> Arrays.asList(i.dossierCode(), i.procedureCode(), i.procedureName(), i.unitCode(), i.unitName(), i.channel(),
                    yesNo(i.fullyOnline()), time(i.submittedAt()), time(i.receivedAt()), time(i.due()), time(i.resultIssuedAt()),
                    time(i.withdrawnAt()), time(i.endedAt()), time(i.ratedAt()), i.rating(), time(i.paidAt()), i.method(), yesNo(i.late()),
                    i.workingDaysLate());
        };
    }

    public static byte[] csv(Export export) {
        DrillDownResponse drill = export.drill();
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(headings(drill.subject()).stream().map(CsvReport::quote).collect(Collectors.joining(","))).append("\r\n");
        for (Item item : drill.items()) {
            out.append(cells(drill.subject(), item).stream()
                    .map(c -> CsvReport.quote(c == null ? "" : c instanceof String text ? CsvReport.neutralised(text) : c.toString()))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(Export export) {
        DrillDownResponse drill = export.drill();
        List<String> headings = headings(drill.subject());
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            Sheet sheet = book.createSheet(SHEET);
            Row head = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                head.createCell(c).setCellValue(headings.get(c));
                head.getCell(c).setCellStyle(heading);
                sheet.setColumnWidth(c, (c == 0 ? 24 : headings.get(c).startsWith("Ngày") || headings.get(c).startsWith("Hạn") ? 17 : 20) * 256);
            }
            int r = 1;
            for (Item item : drill.items()) {
                Row row = sheet.createRow(r++);
                List<Object> cells = cells(drill.subject(), item);
                for (int c = 0; c < cells.size(); c++) {
                    Object cell = cells.get(c);
                    if (cell instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (cell != null) {
                        // A string cell is never evaluated: POI writes it as text, not as a formula.
                        row.createCell(c).setCellValue(cell.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
            try {
                book.close();
            } catch (IOException e) {
                // the bytes are written; a temporary file left behind is all this loses
            }
        }
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "Có" : "Không";
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
