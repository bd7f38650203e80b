package vn.edu.haiphong.dvc.contract;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dossier lifecycle event as published on {@link Topics#DOSSIER_EVENTS} (key: {@code dossierCode}).
 * Fields that do not belong to the event's type are absent; which ones each type requires is
 * {@link DossierEventType#requiredFields()}, checked by {@link #missingFields()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierEvent(
        String eventId,
        DossierEventType type,
        OffsetDateTime occurredAt,
        String dossierCode,
        String procedureCode,
        String unitCode,
        Channel channel,
        Boolean fullyOnline,
        Applicant applicant,
        OffsetDateTime dueAt,
        Outcome outcome,
        Integer rating) {

    /** The fields every dossier event carries, whatever its type. */
    public static final List<String> COMMON_FIELDS =
            List.of("eventId", "type", "occurredAt", "dossierCode", "procedureCode", "unitCode");

    /** The names of the required fields this event lacks (applicant fields as {@code applicant.kind}); empty when complete. */
    public List<String> missingFields() {
        Missing missing = new Missing().check("eventId", eventId).check("type", type).check("occurredAt", occurredAt)
                .check("dossierCode", dossierCode).check("procedureCode", procedureCode).check("unitCode", unitCode);
        if (type != null) {
            missing.checkIf(type.requires("channel"), "channel", channel)
                    .checkIf(type.requires("fullyOnline"), "fullyOnline", fullyOnline)
                    .checkIf(type.requires("applicant"), "applicant", applicant)
                    .checkIf(type.requires("dueAt"), "dueAt", dueAt)
                    .checkIf(type.requires("outcome"), "outcome", outcome)
                    .checkIf(type.requires("rating"), "rating", rating);
        }
        if (applicant != null) {
            missing.check("applicant.kind", applicant.kind()).check("applicant.idHash", applicant.idHash());
            if (applicant.kind() != null) {
                missing.checkIf(applicant.kind().requires("adult"), "applicant.adult", applicant.adult())
                        .checkIf(applicant.kind().requires("vneid"), "applicant.vneid", applicant.vneid());
            }
        }
        return missing.names();
    }
}
