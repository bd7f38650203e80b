package vn.edu.haiphong.dvc.contract;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dossier lifecycle event as published on {@link Topics#DOSSIER_EVENTS} (key: {@code dossierCode}).
 * Fields that do not belong to the event's type are absent.
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
}
