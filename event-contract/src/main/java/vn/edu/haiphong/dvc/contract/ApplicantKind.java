package vn.edu.haiphong.dvc.contract;

/** Who applies; a citizen's applicant must also say whether they are an adult and use VNeID. */
public enum ApplicantKind {
    CITIZEN, ORGANIZATION;

    /** {@code adult} and {@code vneid} are required for a citizen (section 2). */
    public boolean requires(String field) {
        return this == CITIZEN && ("adult".equals(field) || "vneid".equals(field));
    }
}
