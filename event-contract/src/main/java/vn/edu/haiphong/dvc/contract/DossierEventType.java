package vn.edu.haiphong.dvc.contract;

import java.util.List;

/**
 * The dossier event types of section 2 of the contract, each with the fields it requires beyond the ones every
 * dossier event carries ({@link DossierEvent#COMMON_FIELDS}), and those it may carry (r2: the new appointment of a
 * SUPPLEMENT_RECEIVED). Fields that do not belong to a type are absent.
 */
public enum DossierEventType {
    SUBMITTED("channel", "fullyOnline", "applicant"),
    RECEIVED("dueAt"),
    DOSSIER_DIGITIZED,
    RESULT_ISSUED("outcome"),
    RESULT_DIGITIZED,
    RESULT_SYNCED,
    WITHDRAWN,
    RATED("rating"),
    /** r2: the office asks the applicant to complete the dossier ("yêu cầu bổ sung"). Any number per dossier. */
    SUPPLEMENT_REQUESTED,
    /** r2: the applicant has completed it; {@code dueAt}, optional, is the new appointment. Any number per dossier. */
    SUPPLEMENT_RECEIVED(List.of(), List.of("dueAt"));

    private final List<String> requiredFields;
    private final List<String> optionalFields;

    DossierEventType(String... requiredFields) {
        this(List.of(requiredFields), List.of());
    }

    DossierEventType(List<String> requiredFields, List<String> optionalFields) {
        this.requiredFields = requiredFields;
        this.optionalFields = optionalFields;
    }

    /** The fields an event of this type must carry, beyond the common ones. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    public boolean requires(String field) {
        return requiredFields.contains(field);
    }

    /** Whether an event of this type carries the field when it is given: required or optional. */
    public boolean allows(String field) {
        return requiredFields.contains(field) || optionalFields.contains(field);
    }

    /**
     * Whether a dossier may have any number of events of this type (RATED: the latest rating counts; the supplement
     * events), rather than at most one.
     */
    public boolean repeatable() {
        return this == RATED || this == SUPPLEMENT_REQUESTED || this == SUPPLEMENT_RECEIVED;
    }

    /** Whether an event of this type may set the dossier's due (section 2: RECEIVED, and SUPPLEMENT_RECEIVED with a new one). */
    public boolean setsDue() {
        return this == RECEIVED || this == SUPPLEMENT_RECEIVED;
    }
}
