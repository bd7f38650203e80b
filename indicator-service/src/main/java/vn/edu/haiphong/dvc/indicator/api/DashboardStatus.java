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
        @Schema(description = "No event for longer than staleAfter, or none at all") boolean stale) {
}
