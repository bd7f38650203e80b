package vn.edu.haiphong.dvc.contract;

import java.util.List;

/**
 * The dossier event types of section 2 of the contract, each with the fields it requires beyond the ones every
 * dossier event carries ({@link DossierEvent#COMMON_FIELDS}). Fields that do not belong to a type are absent.
 */
public enum DossierEventType {
    SUBMITTED("channel", "fullyOnline", "applicant"),
    RECEIVED("dueAt"),
    DOSSIER_DIGITIZED,
    RESULT_ISSUED("outcome"),
    RESULT_DIGITIZED,
    RESULT_SYNCED,
    WITHDRAWN,
    RATED("rating");

    private final List<String> requiredFields;

    DossierEventType(String... requiredFields) {
        this.requiredFields = List.of(requiredFields);
    }

    /** The fields an event of this type must carry, beyond the common ones. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    public boolean requires(String field) {
        return requiredFields.contains(field);
    }
}
