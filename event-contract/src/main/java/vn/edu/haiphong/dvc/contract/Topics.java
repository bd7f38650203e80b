package vn.edu.haiphong.dvc.contract;

/**
 * Names of the Kafka topics the services share. Reference topics are compacted: the latest message
 * per key (the unit or procedure code) is the current state.
 */
public final class Topics {

    public static final String DOSSIER_EVENTS = "dvc.dossier-events";
    public static final String PAYMENT_EVENTS = "dvc.payment-events";
    /** r2: broadcasts aired and sessions held (section 8; key: the unit code). */
    public static final String OUTREACH_EVENTS = "dvc.outreach-events";
    public static final String UNITS = "dvc.reference.units";
    public static final String PROCEDURES = "dvc.reference.procedures";

    private Topics() {
    }
}
