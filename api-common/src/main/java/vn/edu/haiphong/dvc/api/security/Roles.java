package vn.edu.haiphong.dvc.api.security;

/** The roles of section 0 of the contract, as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String INGEST = "ingest";
    public static final String READER = "reader";
    public static final String ADMIN = "admin";
    /**
     * r2: posts outreach events for one unit and the units below it only; the token's {@link #UNIT_CLAIM} claim names
     * that unit (a school's or a district office's own account).
     */
    public static final String UNIT_REPORTER = "unit-reporter";
    /** The claim of a unit-reporter's token that names its unit. */
    public static final String UNIT_CLAIM = "unit";

    private Roles() {
    }
}
