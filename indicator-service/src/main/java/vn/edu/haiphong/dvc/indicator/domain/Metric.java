package vn.edu.haiphong.dvc.indicator.domain;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import vn.edu.haiphong.dvc.indicator.domain.FactDay.FactKind;

/**
 * What a counter counts: the facts that hold one property, placed in a period by one of their days. Each metric is
 * defined here once, twice over: as a rule on a fact ({@link #counts(DossierFact)}), which the incremental counting
 * applies, and as the same rule in SQL on the fact's table under the alias {@code a} ({@link #sql}), which the
 * drill-downs list. The numbers are the {@code metric} column of {@code indicator_count}. The migrations' recount
 * ({@code dvc_recount_unlocked()}, V3 and V4) is SQL of its own: MetricDefinitionTest checks it against these
 * definitions, metric by metric.
 */
public enum Metric {
    /** Dossiers submitted (by procedure: the catalogue decides which count for fully-online-dossiers). */
    SUBMITTED(1, true, FactDay.SUBMITTED, "true", dossier(f -> true)),
    SUBMITTED_ONLINE(2, false, FactDay.SUBMITTED, "a.channel = 'ONLINE'", dossier(f -> "ONLINE".equals(f.channel))),
    SUBMITTED_FULLY_ONLINE(3, true, FactDay.SUBMITTED, "a.fully_online", dossier(f -> Boolean.TRUE.equals(f.fullyOnline))),
    SUBMITTED_RECEIVED(4, false, FactDay.SUBMITTED, "a.received_at is not null", dossier(f -> f.receivedAt != null)),
    /** Dossiers submitted online by adult citizens: tells whether a period holds any of their applicants. */
    ADULT_ONLINE_DOSSIERS(5, false, FactDay.SUBMITTED, "a.channel = 'ONLINE' and a.applicant_adult_citizen",
            dossier(f -> "ONLINE".equals(f.channel) && Boolean.TRUE.equals(f.applicantAdultCitizen))),
    RECEIVED(6, false, FactDay.RECEIVED, "true", dossier(f -> true)),
    RECEIVED_DIGITIZED(7, false, FactDay.RECEIVED, "a.dossier_digitized", dossier(f -> f.dossierDigitized)),
    RESULT(8, false, FactDay.RESULT, "true", dossier(f -> true)),
    RESULT_DIGITIZED(9, false, FactDay.RESULT, "a.result_digitized", dossier(f -> f.resultDigitized)),
    RESULT_SYNCED(10, false, FactDay.RESULT, "a.result_synced", dossier(f -> f.resultSynced)),
    RESULT_RECEIVED(11, false, FactDay.RESULT, "a.received_at is not null", dossier(f -> f.receivedAt != null)),
    /** A result issued by its due time, of a dossier that was received (and so given a due time). */
    RESULT_ON_TIME(12, false, FactDay.RESULT, "a.received_at is not null and a.result_issued_at <= a.due_at",
            dossier(f -> f.receivedAt != null && f.dueAt != null && !f.resultIssuedAt.isAfter(f.dueAt))),
    RATED(13, false, FactDay.RATING, "true", dossier(f -> true)),
    RATED_GOOD(14, false, FactDay.RATING, "a.rating >= 4", dossier(f -> f.rating != null && f.rating >= 4)),
    /** Transactions paid and not refunded. */
    PAID(15, false, FactDay.PAID, "not a.refunded", payment(f -> !f.refunded)),
    PAID_NATIONAL_PORTAL(16, true, FactDay.PAID, "not a.refunded and a.method = 'NATIONAL_PORTAL'",
            payment(f -> !f.refunded && "NATIONAL_PORTAL".equals(f.method))),
    PAID_CASHLESS(17, false, FactDay.PAID, "not a.refunded and a.method <> 'CASH'",
            payment(f -> !f.refunded && !"CASH".equals(f.method))),
    /** r2: dossiers with RECEIVED whose processing ended (on the day it ended). */
    ENDED(21, false, FactDay.ENDED, "a.received_at is not null", dossier(f -> f.receivedAt != null)),
    /**
     * Of those, the ones not late, of the dossiers whose lateness is the same at every cut-off from their end day on
     * ({@link DossierFact#settledAtEnd}); the others are read at each period's own cut-off (IndicatorQueries).
     */
    ENDED_ON_TIME(22, false, FactDay.ENDED, "a.received_at is not null and a.settled_at_end and not a.ended_late",
            dossier(f -> f.receivedAt != null && f.settledAtEnd && !f.endedLate)),
    /** Of those, the ones whose latest rating, if any, is 3 or more. */
    ENDED_WITHOUT_COMPLAINT(23, false, FactDay.ENDED,
            "a.received_at is not null and a.settled_at_end and not a.ended_late and (a.rating is null or a.rating >= 3)",
            dossier(f -> f.receivedAt != null && f.settledAtEnd && !f.endedLate && (f.rating == null || f.rating >= 3))),
    /** r2, a stock by due day: the dossiers open now. */
    OPEN_NOW(24, false, FactDay.DUE, "a.received_at is not null and a.ended_at is null", dossier(DossierFact::openNow)),
    /** Of those, the ones waiting on the applicant now. */
    OPEN_WAITING(25, false, FactDay.DUE, "a.received_at is not null and a.ended_at is null and a.waiting_since is not null",
            dossier(f -> f.openNow() && f.waitingSince != null)),
    /** Of those open now, the ones late whatever the clock says (two requests, or waiting on one made after the due). */
    OPEN_LATE_ANYWAY(26, false, FactDay.DUE, "a.received_at is not null and a.ended_at is null"
            + " and (a.supplement_requests >= 2 or a.waiting_since > a.due_at)", dossier(DossierFact::lateWhateverTheClock)),
    /** Of those open now, the ones late once their due passes (not waiting, fewer than two requests). */
    OPEN_LATE_WHEN_DUE(27, false, FactDay.DUE, "a.received_at is not null and a.ended_at is null"
            + " and a.waiting_since is null and a.supplement_requests < 2", dossier(DossierFact::lateWhenDuePasses)),
    /** r2: results of dossiers whose dossier and result were both digitized (dossier-and-result-digitized). */
    RESULT_BOTH_DIGITIZED(30, false, FactDay.RESULT, "a.dossier_digitized and a.result_digitized",
            dossier(f -> f.dossierDigitized && f.resultDigitized)),
    /** r2: dossiers submitted by a citizen (kind CITIZEN), and of those by a citizen with VNeID (vneid-applicants). */
    SUBMITTED_BY_CITIZEN(31, false, FactDay.SUBMITTED, "a.applicant_citizen", dossier(f -> Boolean.TRUE.equals(f.applicantCitizen))),
    SUBMITTED_BY_VNEID_CITIZEN(32, false, FactDay.SUBMITTED, "a.applicant_citizen and a.applicant_vneid",
            dossier(f -> Boolean.TRUE.equals(f.applicantCitizen) && Boolean.TRUE.equals(f.applicantVneid))),
    /** r2: transactions paid online, on the National Portal or elsewhere, not refunded (dossiers-paid-online). */
    PAID_ONLINE(33, false, FactDay.PAID, "not a.refunded and a.method in ('NATIONAL_PORTAL', 'OTHER_ONLINE')",
            payment(f -> !f.refunded && ("NATIONAL_PORTAL".equals(f.method) || "OTHER_ONLINE".equals(f.method)))),
    /** r2, runs of days: the dossiers open at the cut-off of a day. */
    OPEN_AT_CUT_OFF(28, "a.open_days", f -> f.openDays == null ? List.of() : List.of(f.openDays)),
    /** r2, runs of days: the dossiers open and late at the cut-off of a day. */
    OPEN_LATE_AT_CUT_OFF(29, "a.open_late_days", f -> f.openLateDays),
    /**
     * Distinct adult citizens who applied online (the applicants of {@link #ADULT_ONLINE_DOSSIERS}): not additive, so
     * kept per month, quarter and year ({@link ApplicantMonths}), never per day, and no rule on one fact.
     */
    ADULT_APPLICANTS(20, false, FactDay.SUBMITTED, null, null);

    /** The metrics a dossier or a transaction adds to one by one (all but the distinct applicants). */
    public static final List<Metric> ADDITIVE = Arrays.stream(values()).filter(m -> m.rule != null || m.runs != null).toList();

    public final short code;
    /** Whether the counter is kept per procedure (otherwise its procedure column is ''). */
    public final boolean byProcedure;
    public final FactDay day;
    /** The rule in SQL on the fact's table (alias {@code a}), for a fact whose {@link #day} is set; null for a distinct count. */
    public final String sql;
    /**
     * For a metric of {@link FactDay#CUT_OFF}: the column of {@code dossier_fact} (alias {@code a}) that holds its
     * runs of days, a datemultirange; null otherwise.
     */
    public final String runsColumn;
    private final Rule rule;
    private final Function<DossierFact, List<Processing.DayRun>> runs;

    /** The rule on one fact, of the kind the metric's day belongs to. */
    private record Rule(Predicate<DossierFact> dossier, Predicate<PaymentFact> payment) {
    }

    Metric(int code, boolean byProcedure, FactDay day, String sql, Rule rule) {
        this.code = (short) code;
        this.byProcedure = byProcedure;
        this.day = day;
        this.sql = sql;
        this.rule = rule;
        this.runsColumn = null;
        this.runs = null;
        if (rule != null && (rule.dossier() != null) != (day.kind == FactKind.DOSSIER)) {
            throw new IllegalStateException(name() + ": its rule is not on the facts its day belongs to");
        }
    }

    Metric(int code, String runsColumn, Function<DossierFact, List<Processing.DayRun>> runs) {
        this.code = (short) code;
        this.byProcedure = false;
        this.day = FactDay.CUT_OFF;
        this.sql = null;
        this.rule = null;
        this.runsColumn = runsColumn;
        this.runs = runs;
    }

    private static Rule dossier(Predicate<DossierFact> rule) {
        return new Rule(rule, null);
    }

    private static Rule payment(Predicate<PaymentFact> rule) {
        return new Rule(null, rule);
    }

    public FactKind kind() {
        return day.kind;
    }

    /** Whether a dossier whose day of this metric is set counts in it. */
    public boolean counts(DossierFact fact) {
        return rule != null && rule.dossier() != null && rule.dossier().test(fact);
    }

    /** Whether a transaction whose day of this metric is set counts in it. */
    public boolean counts(PaymentFact fact) {
        return rule != null && rule.payment() != null && rule.payment().test(fact);
    }

    /** For a metric of runs of days: the dossier's runs. */
    public List<Processing.DayRun> runs(DossierFact fact) {
        return runs == null ? List.of() : runs.apply(fact);
    }

    public static Metric of(int code) {
        for (Metric m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("No metric " + code);
    }
}
