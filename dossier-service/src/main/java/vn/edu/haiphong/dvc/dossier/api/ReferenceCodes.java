package vn.edu.haiphong.dvc.dossier.api;

/** The shape of unit and procedure codes: what fits in a URL path and a Kafka key unescaped. */
public final class ReferenceCodes {

    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";
    public static final String MESSAGE = "must be 1-64 characters of A-Z a-z 0-9 . _ : -";

    /**
     * A name or field as officials write it: any text but control characters (a tab, a line break, a NUL...), which
     * no spreadsheet cell, report or page should receive from reference data.
     */
    public static final String TEXT = "[^\\p{Cc}]*";
    public static final String TEXT_MESSAGE = "must not contain control characters (tab, line break, ...)";

    private ReferenceCodes() {
    }
}
