package vn.edu.haiphong.dvc.indicator.domain;

/**
 * What a counter counts: facts with one property, placed in a period by one of their days. The numbers
 * are the {@code metric} column of {@code indicator_count}; the migration's {@code dvc_recount()} derives
 * the same counters from the facts in SQL and must stay in step with {@code Contributions}.
 */
public enum Metric {
    /** Dossiers submitted (by procedure: the catalogue decides which count for fully-online-dossiers). */
    SUBMITTED(1, true),
    SUBMITTED_ONLINE(2, false),
    SUBMITTED_FULLY_ONLINE(3, true),
    SUBMITTED_RECEIVED(4, false),
    /** Dossiers submitted online by adult citizens: tells whether a period holds any of their applicants. */
    ADULT_ONLINE_DOSSIERS(5, false),
    RECEIVED(6, false),
    RECEIVED_DIGITIZED(7, false),
    RESULT(8, false),
    RESULT_DIGITIZED(9, false),
    RESULT_SYNCED(10, false),
    RESULT_RECEIVED(11, false),
    RESULT_ON_TIME(12, false),
    RATED(13, false),
    RATED_GOOD(14, false),
    /** Transactions paid and not refunded. */
    PAID(15, false),
    PAID_NATIONAL_PORTAL(16, true),
    PAID_CASHLESS(17, false),
    /** Distinct adult citizens who applied online: kept per month, quarter and year, never per day. */
    ADULT_APPLICANTS(20, false);

    public final short code;
    /** Whether the counter is kept per procedure (otherwise its procedure column is ''). */
    public final boolean byProcedure;

    Metric(int code, boolean byProcedure) {
        this.code = (short) code;
        this.byProcedure = byProcedure;
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
