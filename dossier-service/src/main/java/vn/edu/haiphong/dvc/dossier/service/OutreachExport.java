package vn.edu.haiphong.dvc.dossier.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.OutreachEvent;

/**
 * r2: the list appendix row 13 asks for (titles, lengths, air times), and the sessions of row 12, as CSV and XLSX with
 * Vietnamese headings. Times on the department's clock. A cell that a spreadsheet would read as a formula (beginning
 * with = + - @, a tab or a carriage return) is written with a leading apostrophe.
 */
public final class OutreachExport {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The most events one export carries. */
    public static final int MAX_ROWS = 50_000;
    static final List<String> HEADINGS = List.of("Thời điểm", "Loại", "Mã đơn vị", "Tên đơn vị", "Tên bài / chuyên đề",
            "Thời lượng (giây)", "Đối tượng", "Số người tham dự", "Mã sự kiện");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One event and its unit's name. */
    public record Row(OutreachEvent event, String unitName) {
    }

    private OutreachExport() {
    }

    public static byte[] csv(List<Row> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADINGS);
        for (Row r : rows) {
            line(out, cells(r));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<Row> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Tuyên truyền");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            org.apache.poi.ss.usermodel.Row heading = sheet.createRow(0);
            for (int i = 0; i < HEADINGS.size(); i++) {
                Cell cell = heading.createCell(i);
                cell.setCellValue(HEADINGS.get(i));
                cell.setCellStyle(bold);
            }
            int n = 1;
            for (Row r : rows) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(n++);
                List<String> cells = cells(r);
                for (int i = 0; i < cells.size(); i++) {
                    Integer number = i == 5 ? r.event().durationSeconds() : i == 7 ? r.event().participants() : null;
                    if (number != null) {
                        row.createCell(i).setCellValue(number);
                    } else if (!cells.get(i).isEmpty()) {
                        // Text cells are never formulas in XLSX: written as they are.
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(Row r) {
        OutreachEvent e = r.event();
        return List.of(e.occurredAt().atZoneSameInstant(DepartmentTime.OFFSET).format(TIME),
                e.type().name().equals("BROADCAST_AIRED") ? "Phát thanh" : "Sinh hoạt chuyên đề",
                e.unitCode(), r.unitName() == null ? "" : r.unitName(), e.title(),
                e.durationSeconds() == null ? "" : e.durationSeconds().toString(),
                e.audience() == null ? "" : audience(e.audience().name()),
                e.participants() == null ? "" : e.participants().toString(), e.eventId());
    }

    private static String audience(String audience) {
        return switch (audience) {
            case "STUDENTS" -> "Học sinh";
            case "TEACHERS" -> "Giáo viên";
            case "STAFF" -> "Cán bộ, nhân viên";
            default -> "Cha mẹ học sinh";
        };
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(neutralised(cells.get(i))));
        }
        out.append("\r\n");
    }

    /** A text a spreadsheet would run as a formula gets a leading apostrophe. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
