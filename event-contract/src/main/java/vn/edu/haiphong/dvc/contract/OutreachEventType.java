package vn.edu.haiphong.dvc.contract;

import java.util.List;

/**
 * r2: the outreach event types of section 8 of the contract (appendix rows 12 and 13 of the plan), each with the fields
 * it requires beyond the ones every outreach event carries ({@link OutreachEvent#COMMON_FIELDS}).
 */
public enum OutreachEventType {
    /** A school broadcast system aired an item of guidance (row 13): its title, length and air time. */
    BROADCAST_AIRED("durationSeconds"),
    /** An extracurricular or thematic session was held (row 12): its title, audience and participants. */
    SESSION_HELD("audience", "participants");

    private final List<String> requiredFields;

    OutreachEventType(String... requiredFields) {
        this.requiredFields = List.of(requiredFields);
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    public boolean requires(String field) {
        return requiredFields.contains(field);
    }

    /** Whether an event of this type may carry the field at all (the common ones, and its own). */
    public boolean allows(String field) {
        return OutreachEvent.COMMON_FIELDS.contains(field) || requires(field);
    }
}
