package vn.edu.haiphong.dvc.indicator.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import vn.edu.haiphong.dvc.contract.DepartmentTime;

import vn.edu.haiphong.dvc.indicator.api.BreakdownResponse;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.SeriesResponse;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Count;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.repository.IndicatorQueries;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/** The indicators as the contract serves them: counts, values, targets, series, rankings and drill-downs. */
@ApplicationScoped
public class IndicatorService {

    public enum Granularity { DAY, WEEK, MONTH, QUARTER }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Answers kept per scope, and the data version they were computed at. */
    private static final int CACHED_SCOPES = 10_000;

    /**
     * An answer, the data version it was computed at, and the instant until which it stays right with no new event
     * (r2: an open dossier becomes late when its due passes; null when nothing in it changes with time alone).
     */
    private record Cached(long version, IndicatorsResponse response, OffsetDateTime rightUntil) {

        boolean holds(long current, OffsetDateTime now) {
            return version == current && (rightUntil == null || !now.isAfter(rightUntil));
        }
    }

    private final IndicatorQueries queries;
    private final PlanService plans;
    private final ReferenceCopies references;
    private final DataVersion version;
    private final Map<Scope, Cached> cache = new ConcurrentHashMap<>();

    public IndicatorService(IndicatorQueries queries, PlanService plans, ReferenceCopies references, DataVersion version) {
        this.queries = queries;
        this.plans = plans;
        this.references = references;
        this.version = version;
    }

    /**
     * Every indicator over the scope. Computed once per data version and scope: while nothing has changed
     * (the version stands, and no due has passed that would make an open dossier late), the same numbers are
     * served again with a new {@code asOf}, at which they are still right.
     */
    public IndicatorsResponse all(Scope scope) {
        long current = version.current();
        OffsetDateTime now = now();
        Cached cached = cache.get(scope);
        if (cached != null && cached.holds(current, now)) {
            IndicatorsResponse r = cached.response();
            return new IndicatorsResponse(r.from(), r.to(), r.unit(), now, r.indicators());
        }
        IndicatorsResponse computed = compute(scope, now);
        // A period whose cut-off is still to come (it holds today) changes with time alone.
        OffsetDateTime rightUntil = scope.to().isBefore(DepartmentTime.dayOf(now)) ? null : queries.nextChange(scope, now);
        if (cache.size() >= CACHED_SCOPES) {
            cache.clear();
        }
        // Two readers may compute the same scope at once: the answer of the later version stays.
        cache.merge(scope, new Cached(current, computed, rightUntil), (held, fresh) -> held.version() > fresh.version() ? held : fresh);
        return computed;
    }

    private IndicatorsResponse compute(Scope scope, OffsetDateTime now) {
        Map<String, BigDecimal> targets = plans.targets(scope.to().getYear());
        Map<Indicator, Count> counts = queries.countAll(scope, now);
        List<IndicatorValue> values = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            values.add(value(indicator, counts.get(indicator), targets.get(indicator.id)));
        }
        return new IndicatorsResponse(scope.from(), scope.to(), scope.unit(), now, values);
    }

    public IndicatorValue one(Indicator indicator, Scope scope) {
        return all(scope).indicators().stream().filter(v -> v.id().equals(indicator.id)).findFirst().orElseThrow();
    }

    public SeriesResponse series(Indicator indicator, Scope scope, Granularity granularity) {
        // A plain ratio is additive over days: one grouped query gives every bucket, and the running
        // figures are sums. Distinct counts and the catalogue are read bucket by bucket.
        Optional<Map<LocalDate, Count>> grouped = queries.ratioByBucket(indicator, scope, granularity.name().toLowerCase());
        List<SeriesResponse.Bucket> buckets = new ArrayList<>();
        long runningNumerator = 0;
        long runningDenominator = 0;
        for (LocalDate start = scope.from(); !start.isAfter(scope.to()); ) {
            LocalDate end = min(endOfBucket(start, granularity), scope.to());
            Count bucket;
            Count cumulative;
            if (grouped.isPresent()) {
                bucket = grouped.get().getOrDefault(startOfBucket(start, granularity), new Count(0, 0L));
                runningNumerator += bucket.numerator();
                runningDenominator += bucket.denominator();
                cumulative = new Count(runningNumerator, runningDenominator);
            } else {
                // The counts of every indicator over the bucket, of which this one is kept.
                bucket = queries.countAll(scope.withDays(start, end)).get(indicator);
                cumulative = queries.countAll(scope.withDays(scope.from(), end)).get(indicator);
            }
            buckets.add(new SeriesResponse.Bucket(start, end, figures(bucket), figures(cumulative)));
            start = end.plusDays(1);
        }
        return new SeriesResponse(indicator.id, label(indicator), scope.from(), scope.to(), scope.unit(),
                granularity.name().toLowerCase(), buckets);
    }

    /** How many buckets a series of the scope's period has (the first and last may be partial). */
    public static long buckets(Scope scope, Granularity granularity) {
        LocalDate first = startOfBucket(scope.from(), granularity);
        LocalDate last = startOfBucket(scope.to(), granularity);
        return switch (granularity) {
            case DAY -> ChronoUnit.DAYS.between(first, last) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, last) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(first, last) + 1;
            case QUARTER -> ChronoUnit.MONTHS.between(first, last) / 3 + 1;
        };
    }

    /** The indicator for each child of the scope unit (or each root), ranked by value, highest first. */
    public BreakdownResponse breakdown(Indicator indicator, Scope scope) {
        List<BreakdownResponse.Row> rows = new ArrayList<>();
        for (UnitDto child : references.children(scope.unit())) {
            // Through the answers cached per scope: the same children's cards, and the next ranking, cost nothing.
            IndicatorValue v = one(indicator, scope.withUnit(child.code()));
            rows.add(new BreakdownResponse.Row(null, child.code(), child.name(), v.numerator(), v.denominator(), v.value(),
                    v.target(), v.met()));
        }
        rows.sort(Comparator.comparing(BreakdownResponse.Row::value, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(BreakdownResponse.Row::code));
        List<BreakdownResponse.Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BreakdownResponse.Row r = rows.get(i);
            // Equal values share a rank (competition ranking: 1, 2, 2, 4).
            Integer rank = r.value() == null ? null
                    : i > 0 && r.value().equals(rows.get(i - 1).value()) ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new BreakdownResponse.Row(rank, r.code(), r.name(), r.numerator(), r.denominator(), r.value(), r.target(), r.met()));
        }
        return new BreakdownResponse(indicator.id, label(indicator), scope.from(), scope.to(), scope.unit(), ranked);
    }

    static IndicatorValue value(Indicator indicator, Count count, BigDecimal target) {
        BigDecimal value = percentage(count);
        Boolean met = value == null || target == null ? null : value.compareTo(target) >= 0;
        return new IndicatorValue(indicator.id, label(indicator), count.numerator(), count.denominator(), value, target, met,
                indicator.subject.name(), indicator.needed(count, target));
    }

    private static SeriesResponse.Figures figures(Count count) {
        return new SeriesResponse.Figures(count.numerator(), count.denominator(), percentage(count));
    }

    /** numerator / denominator as a percentage, rounded half-up to 2 decimals; null when the denominator is 0 or unknown. */
    static BigDecimal percentage(Count count) {
        if (count.denominator() == null || count.denominator() == 0) {
            return null;
        }
        return BigDecimal.valueOf(count.numerator()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(count.denominator()), 2, RoundingMode.HALF_UP);
    }

    private static IndicatorValue.Label label(Indicator indicator) {
        return new IndicatorValue.Label(indicator.vi, indicator.en);
    }

    private static LocalDate endOfBucket(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
        };
    }

    /** The first calendar day of the bucket holding {@code day}, as PostgreSQL's date_trunc names it. */
    private static LocalDate startOfBucket(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime now() {
        return DepartmentTime.now(Clock.systemUTC());
    }
}
