package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.edu.haiphong.dvc.indicator.domain.Count;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
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
        return switch (indicator) {
            case PROCEDURES_FULLY_ONLINE -> catalogue("eligible_fully_online", "eligible_fully_online and provided_fully_online");
            case FULLY_ONLINE_ON_NATIONAL_PORTAL -> catalogue("provided_fully_online", "provided_fully_online and integrated_national_portal");
            case FEE_PROCEDURES_PAID_ONLINE -> feeProcedures(scope);
            case ADULT_ONLINE_USERS -> new Count(adultApplicants(scope), adultPopulation(scope.unit()));
            default -> ratio(RATIOS.get(indicator), scope);
        };
    }

    /**
     * A ratio indicator's counts per calendar bucket (day, week from Monday, month, quarter) of the scope's
     * period, in one query; empty when the indicator is not a plain ratio over one fact table.
     *
     * @param unit {@code day}, {@code week}, {@code month} or {@code quarter}
     * @return counts by the bucket's first calendar day; buckets without rows are absent
     */
    public Optional<Map<LocalDate, Count>> ratioByBucket(Indicator indicator, Scope scope, String unit) {
        Ratio r = RATIOS.get(indicator);
        if (r == null) {
            return Optional.empty();
        }
        String bucket = "cast(date_trunc('" + unit + "', " + r.day() + ") as date)";
        Map<LocalDate, Count> counts = new HashMap<>();
        for (Object row : scoped(scope, "select " + bucket + " as b, count(*) filter (where " + r.denominator()
                + "), count(*) filter (where " + r.numerator() + ") from " + r.table() + r.join() + " where " + r.day()
                + " between :from and :to" + unitFilter(scope, "a") + " group by b").getResultList()) {
            Object[] cells = (Object[]) row;
            LocalDate start = cells[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) cells[0];
            counts.put(start, new Count(((Number) cells[2]).longValue(), ((Number) cells[1]).longValue()));
        }
        return Optional.of(counts);
    }

    private Count ratio(Ratio r, Scope scope) {
        Object[] row = (Object[]) scoped(scope, "select count(*) filter (where " + r.denominator() + "), count(*) filter (where "
                + r.numerator() + ") from " + r.table() + r.join() + " where " + r.day() + " between :from and :to"
                + unitFilter(scope, "a")).getSingleResult();
        return new Count(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
    }

    private Count catalogue(String denominator, String numerator) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*) filter (where " + denominator + "), count(*) filter (where "
                + numerator + ") from procedure_ref").getSingleResult();
        return new Count(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
    }

    private Count feeProcedures(Scope scope) {
        Object[] row = (Object[]) scoped(scope, "select count(*), count(*) filter (where " + paidOnline(scope)
                + ") from (" + FEE_PROCEDURES + unitFilter(scope, "a") + ") f").getSingleResult();
        return new Count(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
    }

    private long adultApplicants(Scope scope) {
        return ((Number) scoped(scope, "select count(distinct a.applicant_hash) " + ADULT_ONLINE + unitFilter(scope, "a"))
                .getSingleResult()).longValue();
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
