package vn.edu.haiphong.dvc.indicator.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats the plan report is written in. */
public enum ReportFormat {

    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv; charset=UTF-8"),
    PDF("application/pdf");

    public final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> of(String name) {
        return Arrays.stream(values()).filter(f -> f.extension().equalsIgnoreCase(name)).findFirst();
    }
}
