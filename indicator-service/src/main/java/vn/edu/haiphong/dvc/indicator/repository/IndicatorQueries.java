package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.edu.haiphong.dvc.indicator.domain.Count;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Metric;
import vn.edu.haiphong.dvc.indicator.domain.Scope;

/**
 * The definitions of section 5 of the contract, as SQL over the facts: the one place that says what
 * each indicator counts. "In the period" is the day of the event that places a dossier or transaction
 * in the denominator; "in scope" is its unit being the scope unit or below it; flags count whenever
 * their event arrived; procedure flags come from the current catalogue.
 */
@ApplicationScoped
public class IndicatorQueries {

    /** A ratio over one fact table: the day that places a row in the period, and the two predicates. */
    private record Ratio(String table, String idColumns, String day, String join, String denominator, String numerator) {
    }

    private static final String DOSSIERS = "dossier_fact a";
    private static final String PAYMENTS = "payment_fact a";
    private static final String CATALOGUE = " join procedure_ref p on p.code = a.procedure_code";

    private static final Map<Indicator, Ratio> RATIOS = Map.of(
            Indicator.ONLINE_SUBMISSION, new Ratio(DOSSIERS, "a.dossier_code", "a.submitted_day", "", "true", "a.channel = 'ONLINE'"),
            Indicator.FULLY_ONLINE_DOSSIERS, new Ratio(DOSSIERS, "a.dossier_code", "a.submitted_day", CATALOGUE,
                    "p.provided_fully_online", "p.provided_fully_online and a.fully_online"),
            Indicator.DOSSIER_DIGITIZATION, new Ratio(DOSSIERS, "a.dossier_code", "a.received_day", "", "true", "a.dossier_digitized"),
            Indicator.RESULT_DIGITIZATION, new Ratio(DOSSIERS, "a.dossier_code", "a.result_day", "", "true", "a.result_digitized"),
            Indicator.DOSSIERS_IN_SYSTEM, new Ratio(DOSSIERS, "a.dossier_code", "a.submitted_day", "", "true", "a.received_at is not null"),
            Indicator.RESULTS_SYNCED, new Ratio(DOSSIERS, "a.dossier_code", "a.result_day", "", "true", "a.result_synced"),
            Indicator.ONLINE_PAYMENTS, new Ratio(PAYMENTS, "a.dossier_code, a.transaction_id", "a.paid_day", "",
                    "not a.refunded", "not a.refunded and a.method = 'NATIONAL_PORTAL'"),
            Indicator.CASHLESS_PAYMENTS, new Ratio(PAYMENTS, "a.dossier_code, a.transaction_id", "a.paid_day", "",
                    "not a.refunded", "not a.refunded and a.method <> 'CASH'"),
            Indicator.ON_TIME_RESULTS, new Ratio(DOSSIERS, "a.dossier_code", "a.result_day", "", "a.received_at is not null",
                    "a.received_at is not null and a.result_issued_at <= a.due_at"),
            Indicator.SATISFACTION, new Ratio(DOSSIERS, "a.dossier_code", "a.rating_day", "", "true", "a.rating >= 4"));

    /** The scope unit and every unit below it (UNION stops on a cycle, should the copy ever hold one). */
    private static final String SCOPE_CTE = """
            with recursive scope(code) as (
                select code from unit_ref where code = :unit
                union
                select u.code from unit_ref u join scope s on u.parent_code = s.code)
            """;

    /** Procedures with a dossier submitted in the period and scope, fee-bearing in the current catalogue. */
    private static final String FEE_PROCEDURES = """
            select distinct a.procedure_code as code from dossier_fact a join procedure_ref p on p.code = a.procedure_code
            where p.fee_bearing and a.submitted_day between :from and :to""";
    /** ... and those of them paid online on the National Portal in the period and scope (not refunded). */
    private static final String PAID_ONLINE = """
            exists (select 1 from payment_fact t where t.procedure_code = f.code and t.paid_day between :from and :to
                and not t.refunded and t.method = 'NATIONAL_PORTAL'""";
    private static final String ADULT_ONLINE = """
            from dossier_fact a where a.submitted_day between :from and :to and a.channel = 'ONLINE'
            and a.applicant_adult_citizen""";

    private final EntityManager em;

    public IndicatorQueries(EntityManager em) {
        this.em = em;
    }

    public Count count(Indicator indicator, Scope scope) {
        return countAll(scope).get(indicator);
    }

    /**
     * Every indicator over the scope, read from the counters: a year is twelve month rows per counter, and
     * any other period its whole months and the days at its edges. The catalogue (which procedures
     * count for fully-online-dossiers and fee-procedures-paid-online) is joined as it stands now.
     */
    public Map<Indicator, Count> countAll(Scope scope) {
        String unit = scope.unit() == null ? CounterRepository.EVERY_UNIT : scope.unit();
        List<?> rows = periodQuery("""
                select c.metric, c.procedure_code, coalesce(p.provided_fully_online, false), coalesce(p.fee_bearing, false), c.n
                from (select metric, procedure_code, sum(n) as n from indicator_count
                      where unit_code = :unit and metric < 20 and (%s) group by metric, procedure_code) c
                left join procedure_ref p on p.code = c.procedure_code""", unit, scope.from(), scope.to()).getResultList();
        Map<Indicator, Count> counts = fromCounters(rows, 0);
        counts.put(Indicator.PROCEDURES_FULLY_ONLINE, catalogue("eligible_fully_online", "eligible_fully_online and provided_fully_online"));
        counts.put(Indicator.FULLY_ONLINE_ON_NATIONAL_PORTAL,
                catalogue("provided_fully_online", "provided_fully_online and integrated_national_portal"));
        counts.put(Indicator.ADULT_ONLINE_USERS, new Count(adultApplicants(scope, unit), adultPopulation(scope.unit())));
        return counts;
    }

    /**
     * The indicators that the additive counters give, from rows of (metric, procedure, provided fully online,
     * fee-bearing, count), read from column {@code first} on.
     */
    private static Map<Indicator, Count> fromCounters(List<?> rows, int first) {
        Map<Metric, Long> sums = new EnumMap<>(Metric.class);
        long providedSubmitted = 0;
        long providedFullyOnline = 0;
        Set<String> feeSubmitted = new HashSet<>();
        Set<String> portalPaid = new HashSet<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            Metric metric = Metric.of(((Number) row[first]).intValue());
            String procedure = (String) row[first + 1];
            boolean provided = (Boolean) row[first + 2];
            boolean fee = (Boolean) row[first + 3];
            long n = ((Number) row[first + 4]).longValue();
            sums.merge(metric, n, Long::sum);
            if (metric == Metric.SUBMITTED && provided) {
                providedSubmitted += n;
            } else if (metric == Metric.SUBMITTED_FULLY_ONLINE && provided) {
                providedFullyOnline += n;
            }
            if (n > 0 && fee && metric == Metric.SUBMITTED) {
                feeSubmitted.add(procedure);
            } else if (n > 0 && metric == Metric.PAID_NATIONAL_PORTAL) {
                portalPaid.add(procedure);
            }
        }
        Map<Indicator, Count> counts = new EnumMap<>(Indicator.class);
        counts.put(Indicator.ONLINE_SUBMISSION, ratio(sums, Metric.SUBMITTED_ONLINE, Metric.SUBMITTED));
        counts.put(Indicator.FULLY_ONLINE_DOSSIERS, new Count(providedFullyOnline, providedSubmitted));
        counts.put(Indicator.DOSSIER_DIGITIZATION, ratio(sums, Metric.RECEIVED_DIGITIZED, Metric.RECEIVED));
        counts.put(Indicator.RESULT_DIGITIZATION, ratio(sums, Metric.RESULT_DIGITIZED, Metric.RESULT));
        counts.put(Indicator.DOSSIERS_IN_SYSTEM, ratio(sums, Metric.SUBMITTED_RECEIVED, Metric.SUBMITTED));
        counts.put(Indicator.RESULTS_SYNCED, ratio(sums, Metric.RESULT_SYNCED, Metric.RESULT));
        counts.put(Indicator.ONLINE_PAYMENTS, ratio(sums, Metric.PAID_NATIONAL_PORTAL, Metric.PAID));
        counts.put(Indicator.CASHLESS_PAYMENTS, ratio(sums, Metric.PAID_CASHLESS, Metric.PAID));
        long feePaidOnline = feeSubmitted.stream().filter(portalPaid::contains).count();
        counts.put(Indicator.FEE_PROCEDURES_PAID_ONLINE, new Count(feePaidOnline, (long) feeSubmitted.size()));
        counts.put(Indicator.ON_TIME_RESULTS, ratio(sums, Metric.RESULT_ON_TIME, Metric.RESULT_RECEIVED));
        counts.put(Indicator.SATISFACTION, ratio(sums, Metric.RATED_GOOD, Metric.RATED));
        return counts;
    }

    private static Count ratio(Map<Metric, Long> sums, Metric numerator, Metric denominator) {
        return new Count(sums.getOrDefault(numerator, 0L), sums.getOrDefault(denominator, 0L));
    }

    /** A run of whole periods of one kind: [from, until). */
    record Part(char period, LocalDate from, LocalDate until) {
    }

    /** [from, to] as whole months and the days at its edges: the fewest counter rows that add up to it. */
    static List<Part> parts(LocalDate from, LocalDate to) {
        List<Part> parts = new ArrayList<>();
        LocalDate end = to.plusDays(1);
        LocalDate day = from;
        while (day.isBefore(end)) {
            char period;
            LocalDate next;
            if (day.getDayOfMonth() == 1 && !day.plusMonths(1).isAfter(end)) {
                period = 'M';
                next = day.plusMonths(1);
            } else {
                period = 'D';
                LocalDate monthEnd = day.withDayOfMonth(1).plusMonths(1);
                next = monthEnd.isBefore(end) ? monthEnd : end;
            }
            Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (last != null && last.period() == period && last.until().equals(day)) {
                parts.set(parts.size() - 1, new Part(period, last.from(), next));
            } else {
                parts.add(new Part(period, day, next));
            }
            day = next;
        }
        return parts;
    }

    /**
     * A query over the counters of [from, to]: its %s becomes the condition on period and period_start,
     * one range of rows per part of {@link #parts}.
     */
    private Query periodQuery(String sql, String unit, LocalDate from, LocalDate to) {
        List<Part> parts = parts(from, to);
        StringBuilder condition = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            condition.append(i == 0 ? "" : " or ").append("(period = '").append(parts.get(i).period())
                    .append("' and period_start >= :f").append(i).append(" and period_start < :u").append(i).append(')');
        }
        Query query = em.createNativeQuery(sql.formatted(condition)).setParameter("unit", unit);
        for (int i = 0; i < parts.size(); i++) {
            query.setParameter("f" + i, parts.get(i).from()).setParameter("u" + i, parts.get(i).until());
        }
        return query;
    }

    /**
     * The distinct adult citizens who applied online in the scope. Exact from the counters when the period
     * is a month, a quarter or a year, or holds all of such a period's applications (a year to date, say);
     * otherwise counted from the facts.
     */
    private long adultApplicants(Scope scope, String unit) {
        LocalDate from = scope.from();
        LocalDate to = scope.to();
        if (from.getYear() == to.getYear()) {
            String period;
            LocalDate start;
            LocalDate end;
            if (from.getMonth() == to.getMonth()) {
                period = "M";
                start = from.withDayOfMonth(1);
                end = start.plusMonths(1).minusDays(1);
            } else if (from.get(IsoFields.QUARTER_OF_YEAR) == to.get(IsoFields.QUARTER_OF_YEAR)) {
                period = "Q";
                start = from.with(IsoFields.DAY_OF_QUARTER, 1);
                end = start.plusMonths(3).minusDays(1);
            } else {
                period = "Y";
                start = from.withDayOfYear(1);
                end = start.plusYears(1).minusDays(1);
            }
            Number outside = (Number) em.createNativeQuery("""
                    select coalesce(sum(n), 0) from indicator_count where unit_code = :unit and period = 'D' and metric = :metric
                    and (period_start between :start and :before or period_start between :after and :end)""")
                    .setParameter("unit", unit).setParameter("metric", Metric.ADULT_ONLINE_DOSSIERS.code)
                    .setParameter("start", start).setParameter("before", from.minusDays(1))
                    .setParameter("after", to.plusDays(1)).setParameter("end", end).getSingleResult();
            if (outside.longValue() == 0) {
                Number n = (Number) em.createNativeQuery("""
                        select coalesce(sum(n), 0) from indicator_count where unit_code = :unit and period = :period
                        and period_start = :start and metric = :metric and procedure_code = ''""")
                        .setParameter("unit", unit).setParameter("period", period).setParameter("start", start)
                        .setParameter("metric", Metric.ADULT_APPLICANTS.code).getSingleResult();
                return n.longValue();
            }
        }
        return ((Number) scoped(scope, "select count(distinct a.applicant_hash) " + ADULT_ONLINE + unitFilter(scope, "a"))
                .getSingleResult()).longValue();
    }

    /**
     * A ratio indicator's counts per calendar bucket (day, week from Monday, month, quarter) of the scope's
     * period, in one query over the day counters; empty when the indicator is not a plain ratio.
     *
     * @param unit {@code day}, {@code week}, {@code month} or {@code quarter}
     * @return counts by the bucket's first calendar day; buckets without rows are absent
     */
    public Optional<Map<LocalDate, Count>> ratioByBucket(Indicator indicator, Scope scope, String unit) {
        if (!RATIOS.containsKey(indicator)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("""
                select c.b, c.metric, c.procedure_code, coalesce(p.provided_fully_online, false), coalesce(p.fee_bearing, false), c.n
                from (select cast(date_trunc('%s', period_start) as date) as b, metric, procedure_code, sum(n) as n from indicator_count
                      where unit_code = :unit and period = 'D' and period_start between :from and :to and metric < 20
                      group by 1, 2, 3) c
                left join procedure_ref p on p.code = c.procedure_code""".formatted(unit))
                .setParameter("unit", scope.unit() == null ? CounterRepository.EVERY_UNIT : scope.unit())
                .setParameter("from", scope.from()).setParameter("to", scope.to()).getResultList();
        Map<LocalDate, List<Object>> byBucket = new HashMap<>();
        for (Object r : rows) {
            Object cell = ((Object[]) r)[0];
            LocalDate start = cell instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) cell;
            byBucket.computeIfAbsent(start, b -> new ArrayList<>()).add(r);
        }
        Map<LocalDate, Count> counts = new HashMap<>();
        byBucket.forEach((start, bucketRows) -> counts.put(start, fromCounters(bucketRows, 1).get(indicator)));
        return Optional.of(counts);
    }

    private Count catalogue(String denominator, String numerator) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*) filter (where " + denominator + "), count(*) filter (where "
                + numerator + ") from procedure_ref").getSingleResult();
        return new Count(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
    }

    /** The scope unit's adult population; for every unit, the sum over the roots; null when unset. */
    public Long adultPopulation(String unit) {
        Object value = unit == null
                ? em.createNativeQuery("select sum(adult_population) from unit_ref where parent_code is null").getSingleResult()
                : em.createNativeQuery("select max(adult_population) from unit_ref where code = ?1").setParameter(1, unit)
                        .getSingleResult();
        return value == null ? null : ((Number) value).longValue();
    }

    /**
     * The codes behind a number: the rows of the numerator, of the denominator, or of the gap between them,
     * ordered by code.
     *
     * @return one page of codes (each row: the code columns of the indicator's subject) and the total
     */
    public Page drillDown(Indicator indicator, Scope scope, DrillSet set, int page, int size) {
        String select;
        String order;
        if (indicator == Indicator.FEE_PROCEDURES_PAID_ONLINE) {
            select = "select f.code from (" + FEE_PROCEDURES + unitFilter(scope, "a") + ") f where "
                    + set.predicate("true", paidOnline(scope));
            order = "f.code";
        } else if (indicator == Indicator.ADULT_ONLINE_USERS) {
            // Applicants are people: what can be shown are the dossiers that made them count.
            select = "select a.dossier_code " + ADULT_ONLINE + unitFilter(scope, "a");
            order = "a.dossier_code";
        } else if (indicator.catalogue()) {
            String[] flags = indicator == Indicator.PROCEDURES_FULLY_ONLINE
                    ? new String[] { "eligible_fully_online", "eligible_fully_online and provided_fully_online" }
                    : new String[] { "provided_fully_online", "provided_fully_online and integrated_national_portal" };
            select = "select p.code from procedure_ref p where " + set.predicate(flags[0], flags[1]);
            order = "p.code";
        } else {
            Ratio r = RATIOS.get(indicator);
            select = "select " + r.idColumns() + " from " + r.table() + r.join() + " where " + r.day() + " between :from and :to"
                    + unitFilter(scope, "a") + " and " + set.predicate(r.denominator(), r.numerator());
            order = r.idColumns();
        }
        boolean catalogue = indicator.catalogue();
        Function<String, Query> query = sql -> catalogue ? em.createNativeQuery(sql) : scoped(scope, sql);
        long total = ((Number) query.apply("select count(*) from (" + select + ") x").getSingleResult()).longValue();
        Query rows = query.apply(select + " order by " + order);
        List<String[]> items = new ArrayList<>();
        for (Object row : rows.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            items.add(row instanceof Object[] cells
                    ? new String[] { (String) cells[0], (String) cells[1] }
                    : new String[] { (String) row });
        }
        return new Page(total, items);
    }

    public record Page(long total, List<String[]> items) {
    }

    /** Which rows of an indicator a drill-down lists. */
    public enum DrillSet {
        NUMERATOR, DENOMINATOR, GAP;

        String predicate(String denominator, String numerator) {
            return switch (this) {
                case NUMERATOR -> "(" + numerator + ")";
                case DENOMINATOR -> "(" + denominator + ")";
                case GAP -> "(" + denominator + ") and not (" + numerator + ")";
            };
        }
    }

    private static String paidOnline(Scope scope) {
        return PAID_ONLINE + unitFilter(scope, "t") + ")";
    }

    private Query scoped(Scope scope, String sql) {
        Query query = em.createNativeQuery(cte(scope) + sql);
        query.setParameter("from", scope.from()).setParameter("to", scope.to());
        if (scope.unit() != null) {
            query.setParameter("unit", scope.unit());
        }
        return query;
    }

    private static String cte(Scope scope) {
        return scope.unit() == null ? "" : SCOPE_CTE;
    }

    private static String unitFilter(Scope scope, String alias) {
        return scope.unit() == null ? "" : " and " + alias + ".unit_code in (select code from scope)";
    }
}
