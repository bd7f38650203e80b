package vn.edu.haiphong.dvc.indicator.domain;

/** A property of a procedure in the current catalogue ({@code procedure_ref}), as section 1 of the contract names them. */
public enum ProcedureFlag {
    ELIGIBLE_FULLY_ONLINE("eligible_fully_online"),
    PROVIDED_FULLY_ONLINE("provided_fully_online"),
    INTEGRATED_NATIONAL_PORTAL("integrated_national_portal"),
    FEE_BEARING("fee_bearing");

    /** Its column in {@code procedure_ref}. */
    public final String column;

    ProcedureFlag(String column) {
        this.column = column;
    }
}
