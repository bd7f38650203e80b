package vn.edu.haiphong.dvc.indicator.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.ProjectionResponse;
import vn.edu.haiphong.dvc.indicator.api.ProjectionResponse.Figures;
import vn.edu.haiphong.dvc.indicator.api.ProjectionResponse.NotProjected;
import vn.edu.haiphong.dvc.indicator.api.ProjectionResponse.Pace;
import vn.edu.haiphong.dvc.indicator.api.ProjectionResponse.Projection;
import vn.edu.haiphong.dvc.indicator.domain.Definition;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;

/**
 * r2 (issue 20): the year's end if the rest of the year goes as its last 8 weeks went (indicator-service/README.md,
 * "Projections"). Computed from the served figures of two periods, never stored, never mixed into them.
 */
@ApplicationScoped
public class Projections {

    /** The recent window: 8 weeks. */
    public static final int RECENT_DAYS = 56;

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);
    private static final BigDecimal HALF_A_HUNDREDTH = new BigDecimal("0.005");

    private static final IndicatorValue.Label LABEL = new IndicatorValue.Label("Dự báo, không phải số liệu chính thức",
            "Projection, not an official figure");
    private static final IndicatorValue.Label RULE = new IndicatorValue.Label(
            "Số đến nay cộng với nhịp của 8 tuần gần nhất nhân với số ngày còn lại của năm; số cần thêm: số hồ sơ (giao dịch) sắp tới"
                    + " cần được tính vào tử số để đạt chỉ tiêu vào ngày 31/12.",
            "The counts so far plus the last 8 weeks' pace over the days left in the year; needed: how many of the items still to"
                    + " come must also count in the numerator to meet the target on 31 December.");
    private static final IndicatorValue.Label NOT_A_FLOW = new IndicatorValue.Label(
            "Không dự báo: chỉ tiêu đếm trạng thái (danh mục, số thủ tục, người dân, đơn vị hoặc hồ sơ đang giải quyết), không cộng dồn theo ngày",
            "Not projected: it counts a state (the catalogue, procedures, people, units or dossiers in process), which does not add up over days");
    private static final IndicatorValue.Label NO_TARGET = new IndicatorValue.Label("Không có chỉ tiêu cho năm này",
            "No target for this year");

    private final IndicatorService indicators;

    public Projections(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** Projected to the end of asOf's year, for the unit's scope (null: every unit). */
    public ProjectionResponse project(LocalDate asOf, String unit) {
        LocalDate yearStart = asOf.withDayOfYear(1);
        LocalDate yearEnd = LocalDate.of(asOf.getYear(), 12, 31);
        LocalDate recentFrom = asOf.minusDays(RECENT_DAYS - 1L).isBefore(yearStart) ? yearStart : asOf.minusDays(RECENT_DAYS - 1L);
        int recentDays = (int) ChronoUnit.DAYS.between(recentFrom, asOf) + 1;
        int daysLeft = (int) ChronoUnit.DAYS.between(asOf, yearEnd);
        Map<String, IndicatorValue> soFar = byId(indicators.all(new Scope(yearStart, asOf, unit)).indicators());
        Map<String, IndicatorValue> recent = byId(indicators.all(new Scope(recentFrom, asOf, unit)).indicators());
        List<Projection> projections = new ArrayList<>();
        List<NotProjected> notProjected = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            IndicatorValue now = soFar.get(indicator.id);
            if (!(indicator.definition instanceof Definition.Ratio)) {
                notProjected.add(new NotProjected(indicator.id, now.name(), NOT_A_FLOW));
            } else if (now.target() == null) {
                notProjected.add(new NotProjected(indicator.id, now.name(), NO_TARGET));
            } else {
                projections.add(projection(indicator, now, recent.get(indicator.id), recentDays, daysLeft));
            }
        }
        return new ProjectionResponse(true, LABEL, unit, asOf.getYear(), asOf, recentFrom, recentDays, daysLeft, RULE, projections,
                notProjected);
    }

    private static Projection projection(Indicator indicator, IndicatorValue now, IndicatorValue recent, int recentDays, int daysLeft) {
        BigDecimal n = BigDecimal.valueOf(now.numerator());
        BigDecimal d = BigDecimal.valueOf(now.denominator());
        BigDecimal rn = BigDecimal.valueOf(recent.numerator());
        BigDecimal rd = BigDecimal.valueOf(recent.denominator());
        BigDecimal days = BigDecimal.valueOf(recentDays);
        BigDecimal left = BigDecimal.valueOf(daysLeft);
        // Exact fractions carried to 34 digits; only what is shown is rounded.
        BigDecimal pn = n.add(rn.multiply(left).divide(days, EXACT));
        BigDecimal pd = d.add(rd.multiply(left).divide(days, EXACT));
        BigDecimal value = pd.signum() == 0 ? null : HUNDRED.multiply(pn).divide(pd, 2, RoundingMode.HALF_UP);
        BigDecimal target = now.target();
        Boolean meets = value == null ? null : value.compareTo(target) >= 0;
        Long inAll = null;
        Long perWeek = null;
        Boolean reachable = null;
        IndicatorValue.Label pace = null;
        if (daysLeft > 0) {
            // As the served value is rounded half-up, it meets t exactly when the ratio is at least t - 0.005.
            BigDecimal required = target.subtract(HALF_A_HUNDREDTH).multiply(pd).divide(HUNDRED, EXACT);
            inAll = Math.max(0, required.subtract(pn).setScale(0, RoundingMode.CEILING).longValueExact());
            perWeek = BigDecimal.valueOf(inAll).multiply(SEVEN).divide(left, 0, RoundingMode.CEILING).longValueExact();
            BigDecimal toCome = rd.subtract(rn).multiply(left).divide(days, EXACT);
            reachable = BigDecimal.valueOf(inAll).compareTo(toCome) <= 0;
            pace = words(perWeek, indicator.subject);
        }
        return new Projection(indicator.id, now.name(), indicator.subject.name(), target,
                new Figures(n, d, now.value()), new Pace(perWeek(rn, days), perWeek(rd, days)),
                new Figures(pn.setScale(2, RoundingMode.HALF_UP), pd.setScale(2, RoundingMode.HALF_UP), value), meets, inAll, perWeek,
                reachable, pace);
    }

    private static BigDecimal perWeek(BigDecimal count, BigDecimal days) {
        return count.multiply(SEVEN).divide(days, 2, RoundingMode.HALF_UP);
    }

    private static IndicatorValue.Label words(long perWeek, Definition.Subject subject) {
        String vi = switch (subject) {
            case TRANSACTION -> "giao dịch";
            case PROCEDURE -> "thủ tục";
            default -> "hồ sơ";
        };
        String en = switch (subject) {
            case TRANSACTION -> perWeek == 1 ? "transaction" : "transactions";
            case PROCEDURE -> perWeek == 1 ? "procedure" : "procedures";
            default -> perWeek == 1 ? "dossier" : "dossiers";
        };
        return new IndicatorValue.Label("+" + perWeek + " " + vi + " mỗi tuần", "+" + perWeek + " " + en + " a week");
    }

    private static Map<String, IndicatorValue> byId(List<IndicatorValue> values) {
        return values.stream().collect(Collectors.toMap(IndicatorValue::id, Function.identity()));
    }
}
