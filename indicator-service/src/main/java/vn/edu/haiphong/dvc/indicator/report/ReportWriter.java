package vn.edu.haiphong.dvc.indicator.report;

/** Writes a plan report in the format asked for, and names the file. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static byte[] write(PlanReport report, ReportFormat format) {
        return switch (format) {
            case XLSX -> XlsxReport.write(report);
            case CSV -> CsvReport.write(report);
            case PDF -> PdfReport.write(report);
        };
    }

    public static String filename(PlanReport report, ReportFormat format) {
        return ReportText.filename(report, format);
    }
}
