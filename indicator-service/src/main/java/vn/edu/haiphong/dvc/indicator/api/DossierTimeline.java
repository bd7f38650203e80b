package vn.edu.haiphong.dvc.indicator.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dossier as this service knows it, for an official who drills down from a number. Nothing personal. */
@Schema(name = "DossierTimeline")
public record DossierTimeline(
        String dossierCode,
        String procedureCode,
        @Schema(nullable = true) String procedureName,
        String unitCode,
        @Schema(nullable = true) String unitName,
        @Schema(enumeration = { "waiting", "overdue", "due-soon", "on-track", "result-issued", "withdrawn", "not-received" },
                description = "Now; the four open states with within = 2") String state,
        @Schema(nullable = true) OffsetDateTime due,
        @Schema(nullable = true) OffsetDateTime receivedAt,
        @Schema(nullable = true, description = "The earlier of its result and its withdrawal") OffsetDateTime endedAt,
        int supplementRequests,
        @Schema(description = "Every event counted, by occurredAt then eventId: { eventId, type, occurredAt } and the "
                + "non-personal fields of its type (channel, fullyOnline, dueAt, outcome, rating)") List<Map<String, Object>> events,
        List<Payment> payments) {

    @Schema(name = "DossierPayment")
    public record Payment(String transactionId, @Schema(nullable = true) OffsetDateTime paidAt,
            @Schema(nullable = true) String method, @Schema(nullable = true) Long amount, boolean refunded) {
    }
}
