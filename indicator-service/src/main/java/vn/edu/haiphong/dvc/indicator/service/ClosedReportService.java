package vn.edu.haiphong.dvc.indicator.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.edu.haiphong.dvc.indicator.api.ClosedReportDto;
import vn.edu.haiphong.dvc.indicator.api.ClosedReportDto.Change;
import vn.edu.haiphong.dvc.indicator.api.ClosedReportDto.Counts;
import vn.edu.haiphong.dvc.indicator.api.ClosedReportDto.Figure;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.report.PlanReport;
import vn.edu.haiphong.dvc.indicator.report.ReportFormat;
import vn.edu.haiphong.dvc.indicator.report.ReportWriter;
import vn.edu.haiphong.dvc.indicator.repository.ClosedReports;

/**
 * r2 (issue 20): an administrator closes a year's plan report for a unit. Its figures and its three files are kept as
 * they were then, for ever; the live view of a closed year compares each figure with the same period and scope now and
 * names the dossier events counted since that fall in it.
 */
@ApplicationScoped
public class ClosedReportService {

    /** The late events listed at most; the total is always given. */
    public static final int LATE_EVENTS_SHOWN = 200;

    private static final TypeReference<List<Counted>> FIGURES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };

    /** One indicator's figure as stored. */
    public record Counted(String id, long numerator, Long denominator, BigDecimal value, BigDecimal target) {
    }

    private final PlanReportService reports;
    private final ClosedReports closed;
    private final ObjectMapper json;

    public ClosedReportService(PlanReportService reports, ClosedReports closed, ObjectMapper json) {
        this.reports = reports;
        this.closed = closed;
        this.json = json;
    }

    /** A closing: the report, and whether this call closed it (false: it was closed before, and stays as it was). */
    public record Closing(ClosedReportDto report, boolean created) {
    }

    /** Closes the year's report for the unit (null: every unit), or gives the one closed before. */
    public Closing close(int year, UnitDto unit, String closedBy) {
        String key = key(unit);
        Optional<ClosedReports.Stored> before = closed.find(year, key);
        if (before.isPresent()) {
            return new Closing(summary(before.get()), false);
        }
        PlanReport report = reports.report(year, unit);
        List<Counted> figures = report.lines().stream().map(l -> new Counted(l.indicator().id, l.total().numerator(),
                l.total().denominator(), l.total().value(), l.total().target())).toList();
        Map<String, String> filenames = new LinkedHashMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            filenames.put(format.name().toLowerCase(Locale.ROOT), ReportWriter.filename(report, format));
        }
        ClosedReports.Stored stored = new ClosedReports.Stored(year, key, report.from(), report.to(), null, closedBy, write(figures),
                write(filenames));
        byte[] xlsx = ReportWriter.write(report, ReportFormat.XLSX);
        byte[] csv = ReportWriter.write(report, ReportFormat.CSV);
        byte[] pdf = ReportWriter.write(report, ReportFormat.PDF);
        boolean created = QuarkusTransaction.requiringNew().call(() -> closed.insert(stored, xlsx, csv, pdf));
        // Two administrators closing at once: the first closing stands, and both are answered with it.
        return new Closing(summary(closed.find(year, key).orElseThrow()), created);
    }

    /** Every closed report of the year (null: of every year), without revisions. */
    public List<ClosedReportDto> list(Integer year) {
        return closed.list(year).stream().map(this::summary).toList();
    }

    /** One closed report with how each figure has moved since, and the late events; empty when not closed. */
    public Optional<ClosedReportDto> revisions(int year, UnitDto unit) {
        return closed.find(year, key(unit)).map(stored -> {
            PlanReport now = reports.report(year, unit);
            Map<String, IndicatorValue> live = new LinkedHashMap<>();
            now.lines().forEach(l -> live.put(l.indicator().id, l.total()));
            List<Figure> figures = new ArrayList<>();
            int revised = 0;
            for (Counted c : read(stored.figures(), FIGURES)) {
                IndicatorValue v = live.get(c.id());
                Counts asClosed = new Counts(c.numerator(), c.denominator(), c.value(), c.target());
                Counts current = v == null ? null : new Counts(v.numerator(), v.denominator(), v.value(), v.target());
                Change change = v == null ? null : new Change(v.numerator() - c.numerator(),
                        v.denominator() == null || c.denominator() == null ? null : v.denominator() - c.denominator(),
                        v.value() == null || c.value() == null ? null : v.value().subtract(c.value()));
                if (v != null && (v.numerator() != c.numerator() || !Objects.equals(v.denominator(), c.denominator()))) {
                    revised++;
                }
                figures.add(new Figure(c.id(), name(c.id()), asClosed, current, change));
            }
            String scope = unit == null ? null : unit.code();
            return new ClosedReportDto(stored.year(), scope, stored.from(), stored.to(), stored.closedAt(), stored.closedBy(),
                    files(stored), figures, revised, closed.lateEvents(stored.closedAt(), stored.to(), scope, LATE_EVENTS_SHOWN),
                    closed.lateEventCount(stored.closedAt(), stored.to(), scope));
        });
    }

    /** A file as sent, and its name; empty when the report is not closed. */
    public Optional<Map.Entry<String, byte[]>> file(int year, UnitDto unit, ReportFormat format) {
        String column = format.name().toLowerCase(Locale.ROOT);
        return closed.find(year, key(unit)).flatMap(stored -> closed.file(year, key(unit), column)
                .map(bytes -> Map.entry(read(stored.filenames(), NAMES).get(column), bytes)));
    }

    private ClosedReportDto summary(ClosedReports.Stored stored) {
        List<Figure> figures = read(stored.figures(), FIGURES).stream()
                .map(c -> new Figure(c.id(), name(c.id()), new Counts(c.numerator(), c.denominator(), c.value(), c.target()), null, null))
                .toList();
        return new ClosedReportDto(stored.year(), stored.unit().isEmpty() ? null : stored.unit(), stored.from(), stored.to(),
                stored.closedAt(), stored.closedBy(), files(stored), figures, null, null, null);
    }

    private List<ClosedReportDto.File> files(ClosedReports.Stored stored) {
        Map<String, String> names = read(stored.filenames(), NAMES);
        String unit = stored.unit().isEmpty() ? "" : "&unit=" + URLEncoder.encode(stored.unit(), StandardCharsets.UTF_8);
        return names.entrySet().stream().map(e -> new ClosedReportDto.File(e.getKey(), e.getValue(),
                "/api/v1/reports/plan/closed/" + stored.year() + "/file?format=" + e.getKey() + unit)).toList();
    }

    private static IndicatorValue.Label name(String id) {
        return Indicator.byId(id).map(i -> new IndicatorValue.Label(i.vi, i.en)).orElse(new IndicatorValue.Label(id, id));
    }

    private static String key(UnitDto unit) {
        return unit == null ? "" : unit.code();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
