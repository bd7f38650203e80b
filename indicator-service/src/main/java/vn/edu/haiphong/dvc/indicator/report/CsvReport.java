package vn.edu.haiphong.dvc.indicator.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tasks and the detail table as CSV (RFC 4180): UTF-8 with a byte-order mark, so that Excel opens the Vietnamese
 * text as UTF-8; CRLF line ends; numbers with a decimal point; every field quoted when it needs it.
 */
final class CsvReport {

    private static final String BOM = "\uFEFF";

    private CsvReport() {
    }

    /**
     * Sections in one file, each with its heading row, separated by one empty line: the plan's tasks (one row per
     * measuring indicator; none for a year without built-in tasks), the indicators over the scope and per unit, and (r2)
     * the national scorecard when the year has one.
     */
    static byte[] write(PlanReport report) {
        StringBuilder out = new StringBuilder(BOM);
        if (!report.tasks().isEmpty()) {
            line(out, ReportText.TASK_HEADINGS.stream().map(h -> (Object) h).toList(), report.year(), true);
            for (List<Object> row : ReportText.taskRows(report)) {
                line(out, row, report.year(), false);
            }
            out.append("\r\n");
        }
        line(out, ReportText.DETAIL_HEADINGS.stream().map(h -> (Object) h).toList(), report.year(), true);
        for (List<Object> row : ReportText.detailRows(report)) {
            line(out, row, report.year(), false);
        }
        if (report.scorecard() != null) {
            // r2: the scorecard, each row with the definition's version and the word that it is an estimate.
            out.append("\r\n");
            List<Object> headings = new ArrayList<>(ReportText.SCORECARD_HEADINGS);
            headings.add("Phiên bản (ước tính)");
            line(out, headings, report.year(), true);
            String version = report.scorecard().version() + " (ước tính)";
            for (List<Object> row : ReportText.scorecardRows(report)) {
                List<Object> cells = new ArrayList<>(row);
                cells.add(version);
                line(out, cells, report.year(), false);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The year first, so that reports of several years can be pasted together. */
    private static void line(StringBuilder out, List<Object> cells, int year, boolean heading) {
        out.append(heading ? "Năm" : String.valueOf(year)).append(',');
        out.append(cells.stream().map(c -> quote(c instanceof String text ? neutralised(text) : ReportText.plain(c)))
                .collect(Collectors.joining(","))).append("\r\n");
    }

    /** A text a spreadsheet would run as a formula (a unit's name, a note) gets a leading apostrophe; numbers stay numbers. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
