package vn.edu.haiphong.dvc.indicator.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.edu.haiphong.dvc.indicator.api.BreakdownResponse;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.PlanTaskDto;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto;
import vn.edu.haiphong.dvc.indicator.api.ScorecardResponse;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.plan.TaskStatus;

/**
 * The plan report's words (Vietnamese, as the city receives it) and its two tables, shared by the
 * XLSX, CSV and PDF writers so that the three say the same thing. Cells are String, Long or
 * BigDecimal (a percentage), or null for "none".
 */
final class ReportText {

    static final List<String> SUMMARY_HEADINGS = List.of("STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số",
            "Kết quả (%)", "Chỉ tiêu kế hoạch (%)", "Đánh giá", "Cần thêm để đạt", "Đơn vị tính");

    static final List<String> DETAIL_HEADINGS = List.of("Mã chỉ tiêu", "Tên chỉ tiêu", "Phạm vi", "Xếp hạng", "Mã đơn vị",
            "Tên đơn vị", "Tử số", "Mẫu số", "Kết quả (%)", "Chỉ tiêu kế hoạch (%)", "Đánh giá");

    static final List<String> TASK_HEADINGS = List.of("STT", "Nhiệm vụ, giải pháp", "Chủ trì", "Phối hợp", "Sản phẩm",
            "Thời gian thực hiện", "Đánh giá", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Kết quả (%)", "Chỉ tiêu kế hoạch (%)",
            "Tiến độ báo cáo", "Ghi chú");

    static final String DEPARTMENT = "SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG";
    static final String TASK_SHEET = "Nhiệm vụ";
    static final String TASK_TITLE = "I. Kết quả thực hiện các nhiệm vụ, giải pháp (Phụ lục Kế hoạch)";
    static final String SUMMARY_TITLE = "II. Kết quả các chỉ tiêu";
    static final String SUMMARY_SHEET = "Tổng hợp";
    static final String DETAIL_SHEET = "Theo đơn vị";
    static final String DETAIL_TITLE = "Chi tiết theo đơn vị trực thuộc (xếp hạng thi đua)";
    static final String ALL_UNITS = "Toàn bộ các đơn vị";

    /** r2: the national scorecard (Decision 766/QĐ-TTg), always labelled an estimate. */
    static final String SCORECARD_SHEET = "Chỉ số 766 (ước tính)";
    static final String SCORECARD_TITLE = "III. Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp "
            + "(Quyết định 766/QĐ-TTg) — ước tính";
    static final List<String> SCORECARD_HEADINGS = List.of("Mã", "Nhóm, tiêu chí", "Mã chỉ tiêu", "Kết quả (%)",
            "Mức đạt điểm tối đa (%)", "Điểm tối đa", "Điểm có số liệu", "Điểm đạt", "Điểm bị mất", "Cần thêm để đạt điểm tối đa",
            "Đơn vị tính", "Ghi chú");
    static final String SCORECARD_TOTAL = "Tổng";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private ReportText() {
    }

    static String title(PlanReport report) {
        return "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DỊCH VỤ CÔNG TRỰC TUYẾN NĂM " + report.year();
    }

    /** The lines under the title: who, which scope, which period, as of when, which plan. */
    static List<String> preamble(PlanReport report) {
        return List.of("Sở Giáo dục và Đào tạo Hải Phòng — báo cáo Ủy ban nhân dân thành phố",
                "Phạm vi: " + scopeName(report),
                "Kỳ báo cáo: từ " + DAY.format(report.from()) + " đến " + DAY.format(report.to()),
                "Số liệu tính đến: " + TIME.format(report.asOf()) + " (giờ Việt Nam)",
                report.planYear() == null ? "Kế hoạch: chưa có chỉ tiêu cho năm này"
                        : "Chỉ tiêu theo kế hoạch năm " + report.planYear());
    }

    static String scopeName(PlanReport report) {
        return report.unit() == null ? ALL_UNITS : report.unit().name() + " (" + report.unit().code() + ")";
    }

    static List<List<Object>> summaryRows(PlanReport report) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (PlanReport.Line line : report.lines()) {
            IndicatorValue v = line.total();
            rows.add(Arrays.asList((long) n++, v.id(), v.name().vi(), v.numerator(), v.denominator(), v.value(), v.target(),
                    verdict(v.met(), v.target(), v.value()), line.needed(), line.needed() == null ? null : itemWord(line.indicator())));
        }
        return rows;
    }

    /**
     * The plan's tasks: one row per measuring indicator (one row for a task measured by none), the task's cells repeated on
     * each, then the indicator's figures; the progress an admin reported and its note, if any.
     */
    static List<List<Object>> taskRows(PlanReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanReport.Task line : report.tasks()) {
            PlanTaskDto t = line.task();
            List<Object> task = Arrays.asList((long) t.number(), t.task().vi(), t.lead(), t.cooperating(), t.product(), t.deadline(),
                    statusVi(t.status()));
            List<Object> reported = Arrays.asList(t.reported() == null ? null : progressVi(t.reported().status()),
                    t.reported() == null ? null : t.reported().note());
            if (line.measures().isEmpty()) {
                List<Object> row = new ArrayList<>(task);
                row.addAll(Arrays.asList(null, null, null, null, null));
                row.addAll(reported);
                rows.add(row);
            }
            for (IndicatorValue v : line.measures()) {
                List<Object> row = new ArrayList<>(task);
                row.addAll(Arrays.asList(v.id(), v.numerator(), v.denominator(), v.value(), v.target()));
                row.addAll(reported);
                rows.add(row);
            }
        }
        return rows;
    }

    /** A task's figures in one line per measuring indicator, as a reader reads them, and what was reported. */
    static String figures(PlanReport.Task line) {
        List<String> parts = new ArrayList<>();
        for (IndicatorValue v : line.measures()) {
            parts.add(v.name().vi() + ": " + (v.value() == null ? "—" : human(v.value()) + "%") + " (" + human(v.numerator()) + "/"
                    + human(v.denominator()) + ")" + (v.target() == null ? "" : ", chỉ tiêu " + human(v.target()) + "%"));
        }
        PlanTaskDto.TaskReport reported = line.task().reported();
        if (reported != null) {
            parts.add("Báo cáo: " + progressVi(reported.status()) + (reported.note() == null || reported.note().isBlank() ? ""
                    : " — " + reported.note()));
        }
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }

    static String statusVi(String status) {
        return Arrays.stream(TaskStatus.values()).filter(s -> s.id.equals(status)).findFirst().map(s -> s.vi).orElse(status);
    }

    static String progressVi(String progress) {
        return Arrays.stream(TaskStatus.Progress.values()).filter(p -> p.name().equals(progress)).findFirst().map(p -> p.vi)
                .orElse(progress);
    }

    /** Per indicator: the whole scope first, then each child unit in ranking order. */
    static List<List<Object>> detailRows(PlanReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanReport.Line line : report.lines()) {
            IndicatorValue v = line.total();
            rows.add(Arrays.asList(v.id(), v.name().vi(), "Tổng hợp", null, report.unit() == null ? null : report.unit().code(),
                    scopeName(report), v.numerator(), v.denominator(), v.value(), v.target(), verdict(v.met(), v.target(), v.value())));
            for (BreakdownResponse.Row u : line.units()) {
                rows.add(Arrays.asList(v.id(), v.name().vi(), "Đơn vị trực thuộc", u.rank() == null ? null : (long) u.rank(), u.code(),
                        u.name(), u.numerator(), u.denominator(), u.value(), u.target(), verdict(u.met(), u.target(), u.value())));
            }
        }
        return rows;
    }

    /** Under the scorecard's title: which definition, and that it is an estimate, not the portal's official score. */
    static List<String> scorecardPreamble(ScorecardResponse card) {
        return List.of("Phiên bản bộ chỉ số: " + card.version() + " (định nghĩa năm " + card.definitionYear() + ")",
                "Số liệu ước tính (estimate) từ dữ liệu của hệ thống; điểm chính thức là điểm do Cổng Dịch vụ công quốc gia công bố.",
                "Điểm đạt: " + human(card.earned()) + " / " + human(card.possible()) + " điểm có số liệu (tối đa "
                        + human(card.maxPoints()) + " điểm)");
    }

    /**
     * The scorecard: each group, then its criteria (the indicator's value, the value giving all the points, the points
     * earned and lost, and how many more items would win them back); the total; then the items not computed here, with
     * the data each needs. Empty when the year has no scorecard.
     */
    static List<List<Object>> scorecardRows(PlanReport report) {
        List<List<Object>> rows = new ArrayList<>();
        ScorecardResponse card = report.scorecard();
        if (card == null) {
            return rows;
        }
        for (ScorecardResponse.Group g : card.groups()) {
            rows.add(Arrays.asList(g.id(), g.name().vi(), null, null, null, g.maxPoints(), g.possible(), g.earned(), null, null, null,
                    null));
            for (ScorecardResponse.Criterion c : g.criteria()) {
                rows.add(Arrays.asList(c.id(), c.name() == null ? c.indicator() : c.name().vi(), c.indicator(), c.value(), c.fullAt(),
                        c.maxPoints(), c.value() == null ? null : c.maxPoints(), c.points(), c.pointsLost(), c.needed(),
                        c.needed() == null ? null : Indicator.byId(c.indicator()).map(ReportText::itemWord).orElse(null),
                        c.value() == null ? "Chưa có số liệu" : null));
            }
        }
        rows.add(Arrays.asList(SCORECARD_TOTAL, "Tổng điểm (ước tính)", null, null, null, card.maxPoints(), card.possible(), card.earned(),
                null, null, null, null));
        for (ScorecardDefinitionDto.NotComputed n : card.notComputed()) {
            rows.add(Arrays.asList(n.id(), n.name().vi(), null, null, null, n.maxPoints(), null, null, null, null, null,
                    "Chưa tính được; cần dữ liệu: " + n.dataNeeded().vi()));
        }
        return rows;
    }

    static String verdict(Boolean met, BigDecimal target, BigDecimal value) {
        if (target == null) {
            return "Không có chỉ tiêu";
        }
        if (value == null) {
            return "Chưa có số liệu";
        }
        return Boolean.TRUE.equals(met) ? "Đạt" : "Chưa đạt";
    }

    /** What the indicator counts, in the words of the "needed" column. */
    static String itemWord(Indicator indicator) {
        return switch (indicator.subject) {
            case DOSSIER -> "hồ sơ";
            case TRANSACTION -> "giao dịch";
            case PROCEDURE -> "thủ tục";
            case APPLICANT -> "người";
            case UNIT -> "đơn vị";
        };
    }

    /** A cell as people read it in Vietnam: 10.240 and 66,67. */
    static String human(Object cell) {
        if (cell == null) {
            return "—";
        }
        DecimalFormatSymbols vi = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
        if (cell instanceof BigDecimal d) {
            return new DecimalFormat("#,##0.##", vi).format(d);
        }
        if (cell instanceof Long l) {
            return new DecimalFormat("#,##0", vi).format(l);
        }
        return cell.toString();
    }

    /** A cell as a machine reads it: 10240 and 66.67, empty for none. */
    static String plain(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
    }

    static String filename(PlanReport report, ReportFormat format) {
        return "bao-cao-ke-hoach-" + report.year() + "-" + (report.unit() == null ? "toan-bo" : report.unit().code())
                + "." + format.extension();
    }
}
