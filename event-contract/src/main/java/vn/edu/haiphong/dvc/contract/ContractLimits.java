package vn.edu.haiphong.dvc.contract;

import java.time.OffsetDateTime;

/** The ranges section 2 of the contract sets on the values of events and reference records. */
public final class ContractLimits {

    /** Ids and codes: 1 to 64 characters. */
    public static final int MAX_CODE_LENGTH = 64;
    /** No event happened before 2000-01-01, on the department's clock. */
    public static final OffsetDateTime EARLIEST = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, DepartmentTime.OFFSET);
    /** The last year a time can be stored and compared in. */
    public static final int LATEST_YEAR = 9999;
    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    private ContractLimits() {
    }
}
