package vn.edu.haiphong.dvc.indicator.report;

import java.nio.charset.StandardCharsets;
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
     * Two sections in one file, each with its heading row, separated by one empty line: the plan's tasks (one row per
     * measuring indicator; none for a year without built-in tasks), then the indicators over the scope and per unit.
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
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The year first, so that reports of several years can be pasted together. */
    private static void line(StringBuilder out, List<Object> cells, int year, boolean heading) {
        out.append(heading ? "Năm" : String.valueOf(year)).append(',');
        out.append(cells.stream().map(c -> quote(ReportText.plain(c))).collect(Collectors.joining(","))).append("\r\n");
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
