package vn.edu.haiphong.dvc.indicator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.edu.haiphong.dvc.indicator.api.OpenDossierItem;
import vn.edu.haiphong.dvc.indicator.domain.OpenState;
import vn.edu.haiphong.dvc.indicator.service.OpenDossierService.Export;

/**
 * The open-dossier list as a file, in Vietnamese: CSV (UTF-8 with a byte-order mark, RFC 4180, CRLF, as the plan
 * report) or XLSX (one sheet, streamed so that the cap of rows costs little memory; numbers stay numbers). Times on
 * the department's clock, "yyyy-MM-dd HH:mm".
 */
public final class OpenDossierExport {

    public static final List<String> HEADINGS = List.of("Mã hồ sơ", "Trạng thái", "Mã thủ tục", "Thủ tục", "Mã đơn vị", "Đơn vị",
            "Ngày tiếp nhận", "Hạn giải quyết", "Số lần yêu cầu bổ sung", "Số ngày làm việc quá hạn", "Số ngày làm việc còn lại");
    public static final String SHEET = "Hồ sơ đang giải quyết";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private OpenDossierExport() {
    }

    /** ho-so-dang-giai-quyet-{unit or tat-ca}-{today}.{format} */
    public static String filename(Export export, ReportFormat format) {
        return "ho-so-dang-giai-quyet-" + (export.unit() == null ? "tat-ca" : export.unit()) + "-" + export.asOf().toLocalDate()
                + "." + format.extension();
    }

    public static byte[] csv(Export export) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(HEADINGS.stream().map(CsvReport::quote).collect(Collectors.joining(","))).append("\r\n");
        for (OpenDossierItem item : export.items()) {
            // A name a spreadsheet would run as a formula (=, +, -, @, a tab, a carriage return first) is neutralised.
            out.append(cells(item).stream().map(c -> CsvReport.quote(c == null ? "" : c instanceof String text ? CsvReport.neutralised(text)
                    : c.toString())).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(Export export) {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            Sheet sheet = book.createSheet(SHEET);
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADINGS.size(); c++) {
                head.createCell(c).setCellValue(HEADINGS.get(c));
                head.getCell(c).setCellStyle(heading);
            }
            int r = 1;
            for (OpenDossierItem item : export.items()) {
                Row row = sheet.createRow(r++);
                List<Object> cells = cells(item);
                for (int c = 0; c < cells.size(); c++) {
                    Object cell = cells.get(c);
                    if (cell instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (cell != null) {
                        row.createCell(c).setCellValue(cell.toString());
                    }
                }
            }
            int[] widths = { 24, 14, 16, 50, 14, 40, 17, 17, 12, 12, 12 };
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
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

    /** One row's cells, in the order of {@link #HEADINGS}. */
    static List<Object> cells(OpenDossierItem item) {
        return new ArrayList<>(Arrays.asList(item.dossierCode(),
                OpenState.byId(item.state()).map(s -> s.vi).orElse(item.state()), item.procedureCode(), item.procedureName(),
                item.unitCode(), item.unitName(), time(item.receivedAt()), time(item.due()), item.supplementRequests(),
                item.workingDaysLate(), item.workingDaysLeft()));
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
