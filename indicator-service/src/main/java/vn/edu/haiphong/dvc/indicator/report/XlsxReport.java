package vn.edu.haiphong.dvc.indicator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Three sheets: the plan's tasks and the summary, each under a title and its preamble, and the detail per unit; r2: a fourth,
 * the national scorecard (an estimate), when the year has one. Numbers stay numbers.
 */
final class XlsxReport {

    private XlsxReport() {
    }

    static byte[] write(PlanReport report) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Sheet tasks = book.createSheet(ReportText.TASK_SHEET);
            int t = header(tasks, report, styles);
            table(tasks, t, ReportText.TASK_HEADINGS, ReportText.taskRows(report), styles);
            widths(tasks, 6, 60, 24, 20, 36, 14, 16, 28, 10, 10, 12, 14, 16, 40);
            Sheet summary = book.createSheet(ReportText.SUMMARY_SHEET);
            int r = header(summary, report, styles);
            table(summary, r, ReportText.SUMMARY_HEADINGS, ReportText.summaryRows(report), styles);
            widths(summary, 6, 14, 60, 10, 10, 12, 14, 16, 14, 12);

            Sheet detail = book.createSheet(ReportText.DETAIL_SHEET);
            table(detail, 0, ReportText.DETAIL_HEADINGS, ReportText.detailRows(report), styles);
            widths(detail, 24, 50, 18, 10, 14, 50, 10, 10, 12, 14, 16);
            detail.createFreezePane(0, 1);
            if (report.scorecard() != null) {
                Sheet scorecard = book.createSheet(ReportText.SCORECARD_SHEET);
                int c = header(scorecard, report, styles);
                scorecard.createRow(c++).createCell(0).setCellValue(ReportText.SCORECARD_TITLE);
                scorecard.getRow(c - 1).getCell(0).setCellStyle(styles.heading);
                for (String line : ReportText.scorecardPreamble(report.scorecard())) {
                    scorecard.createRow(c++).createCell(0).setCellValue(line);
                }
                table(scorecard, c + 1, ReportText.SCORECARD_HEADINGS, ReportText.scorecardRows(report), styles);
                widths(scorecard, 10, 60, 28, 10, 12, 10, 12, 10, 10, 14, 10, 60);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The title and its preamble; @return the row of the table's heading */
    private static int header(Sheet sheet, PlanReport report, Styles styles) {
        int r = 0;
        sheet.createRow(r++).createCell(0).setCellValue(ReportText.title(report));
        sheet.getRow(0).getCell(0).setCellStyle(styles.title);
        for (String line : ReportText.preamble(report)) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        return r + 1;
    }

    private static void table(Sheet sheet, int first, List<String> headings, List<List<Object>> rows, Styles styles) {
        Row head = sheet.createRow(first);
        for (int c = 0; c < headings.size(); c++) {
            head.createCell(c).setCellValue(headings.get(c));
            head.getCell(c).setCellStyle(styles.heading);
        }
        int r = first + 1;
        for (List<Object> cells : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof BigDecimal d) {
                    row.createCell(c).setCellValue(d.doubleValue());
                    row.getCell(c).setCellStyle(styles.percent);
                } else if (cell instanceof Long l) {
                    row.createCell(c).setCellValue(l);
                } else if (cell != null) {
                    row.createCell(c).setCellValue(cell.toString());
                }
            }
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle percent;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            heading = book.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00"));
        }
    }
}
