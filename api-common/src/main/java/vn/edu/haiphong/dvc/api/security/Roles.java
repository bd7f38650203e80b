package vn.edu.haiphong.dvc.api.security;

/** The roles of section 0 of the contract, as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String INGEST = "ingest";
    public static final String READER = "reader";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
