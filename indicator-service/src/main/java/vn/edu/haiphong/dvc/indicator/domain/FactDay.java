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
    PAID(FactKind.PAYMENT, "paid_day");

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
    /** The column of the fact's table that holds the day. */
    public final String column;

    FactDay(FactKind kind, String column) {
        this.kind = kind;
        this.column = column;
    }
}
