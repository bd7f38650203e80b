package vn.edu.haiphong.dvc.indicator.domain;

/**
 * The day of a fact's event that places it in a period: a dossier is counted on the day it was submitted, received,
 * given its result or rated (on the department's clock), a transaction on the day it was paid.
 */
public enum FactDay {
    SUBMITTED(FactKind.DOSSIER, "submitted_day"),
    RECEIVED(FactKind.DOSSIER, "received_day"),
    RESULT(FactKind.DOSSIER, "result_day"),
    RATING(FactKind.DOSSIER, "rating_day"),
    PAID(FactKind.PAYMENT, "paid_day"),
    /** r2: the day its processing ended (the earlier of its result and its withdrawal). */
    ENDED(FactKind.DOSSIER, "end_day"),
    /**
     * r2: the day of its due, for counters of the dossiers open now (not of a period: a stock, which the open-dossier
     * board and the current cut-off read by due day).
     */
    DUE(FactKind.DOSSIER, "due_day"),
    /**
     * r2: the days at whose cut-off a dossier is in some state, kept as changes: +1 on the first such day of a run, -1
     * on the first day after it. The sum of a counter over every day up to d is the count at the cut-off of d.
     */
    CUT_OFF(FactKind.DOSSIER, null);

    /** The two kinds of facts, and their tables. */
    public enum FactKind {
        DOSSIER("dossier_fact", "a.dossier_code"),
        PAYMENT("payment_fact", "a.dossier_code, a.transaction_id");

        public final String table;
        /** What a drill-down lists of a fact of this kind (its columns under the alias {@code a}). */
        public final String codes;

        FactKind(String table, String codes) {
            this.table = table;
            this.codes = codes;
        }
    }

    public final FactKind kind;
    /** The column of the fact's table that holds the day (null for {@link #CUT_OFF}: runs of days, not one). */
    public final String column;

    FactDay(FactKind kind, String column) {
        this.kind = kind;
        this.column = column;
    }

    /** Whether its counters are facts placed in a period by an event's day, and so summed over the period's days. */
    public boolean periodic() {
        return this != DUE && this != CUT_OFF;
    }
}
