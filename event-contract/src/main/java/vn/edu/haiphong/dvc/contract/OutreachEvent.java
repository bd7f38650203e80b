package vn.edu.haiphong.dvc.contract;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * r2: an outreach event (section 8 of the contract) as published on {@link Topics#OUTREACH_EVENTS} (key: {@code unitCode}).
 * {@code durationSeconds} belongs to BROADCAST_AIRED; {@code audience} and {@code participants} to SESSION_HELD.
 * Nothing in it is personal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutreachEvent(
        String eventId,
        OutreachEventType type,
        OffsetDateTime occurredAt,
        String unitCode,
        String title,
        Integer durationSeconds,
        Audience audience,
        Integer participants) {

    /** The fields every outreach event carries, whatever its type. */
    public static final List<String> COMMON_FIELDS = List.of("eventId", "type", "occurredAt", "unitCode", "title");
    /** A title: 1 to 200 characters. */
    public static final int MAX_TITLE_LENGTH = 200;
    /** A broadcast item lasts 1 second to 2 hours. */
    public static final int MAX_DURATION_SECONDS = 7_200;
    /** A session has 1 to 100,000 participants. */
    public static final int MAX_PARTICIPANTS = 100_000;

    /** The names of the required fields this event lacks; empty when complete. */
    public List<String> missingFields() {
        Missing missing = new Missing().check("eventId", eventId).check("type", type).check("occurredAt", occurredAt)
                .check("unitCode", unitCode).check("title", title);
        if (type != null) {
            missing.checkIf(type.requires("durationSeconds"), "durationSeconds", durationSeconds)
                    .checkIf(type.requires("audience"), "audience", audience)
                    .checkIf(type.requires("participants"), "participants", participants);
        }
        return missing.names();
    }
}
