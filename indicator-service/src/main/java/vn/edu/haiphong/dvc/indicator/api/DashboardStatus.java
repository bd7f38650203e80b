package vn.edu.haiphong.dvc.indicator.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How fresh the numbers are, on the server's clock, so that a dashboard can say so. */
@Schema(name = "DashboardStatus")
public record DashboardStatus(
        @Schema(description = "The server's time now", examples = "2026-11-26T08:00:00+07:00") OffsetDateTime asOf,
        @Schema(description = "When the latest event was applied to the facts (by any instance); null before the first",
                nullable = true, examples = "2026-11-26T07:58:12+07:00") OffsetDateTime lastEventAt,
        @Schema(description = "How long without an event before the data is called stale (ISO-8601 duration)",
                examples = "PT15M") String staleAfter,
        @Schema(description = "No event for longer than staleAfter, or none at all") boolean stale,
        @Schema(description = "Whether this instance counts the events as they arrive; false when its consumer has closed, holds "
                + "no partition, or lets records wait uncounted (the numbers then stand still, whatever lastEventAt says)") boolean counting,
        @Schema(description = "This instance's event consumer") Consumer consumer) {

    /** The event consumer's state, as the readiness check reports it. */
    @Schema(name = "ConsumerStatus")
    public record Consumer(
            @Schema(description = "STARTING, RUNNING, STALLED (records wait uncounted), UNASSIGNED (no partition) or CLOSED",
                    examples = "RUNNING") String state,
            @Schema(description = "Records on this instance's partitions not yet counted", examples = "0") long lag,
            @Schema(description = "How long records have waited with none counted, in seconds (0 when moving)", examples = "0")
            long stalledSeconds) {
    }
}
