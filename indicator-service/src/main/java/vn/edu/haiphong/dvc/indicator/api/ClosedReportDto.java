package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * r2 (issue 20): a plan report closed as sent to the city, and how its figures have moved since (revisions, as a
 * statistics office publishes them).
 */
@Schema(name = "ClosedReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosedReportDto(
        @Schema(examples = "2024") int year,
        @Schema(description = "The report's unit; null for every unit", nullable = true, examples = "SGDDT") String unit,
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-12-31") LocalDate to,
        @Schema(examples = "2025-01-10T09:00:00+07:00") OffsetDateTime closedAt,
        @Schema(description = "Who closed it: the token's subject", examples = "nguyen.van.a") String closedBy,
        @Schema(description = "The report's files as sent, each downloadable for ever") List<File> files,
        @Schema(description = "Each indicator as the report gave it, and (in GET of one report) as it stands now") List<Figure> figures,
        @Schema(description = "GET of one report: how many figures have moved since it was closed", nullable = true) Integer revised,
        @Schema(description = "GET of one report: the dossier and payment events counted after the report was closed that "
                + "can move its figures (in its scope, and in its period or paying for it), latest first (at most 200)", nullable = true) List<LateEvent> lateEvents,
        @Schema(description = "How many such events there are in all", nullable = true) Long lateEventsTotal) {

    @Schema(name = "ClosedReportFile")
    public record File(@Schema(examples = "xlsx") String format, @Schema(examples = "bao-cao-ke-hoach-2024-SGDDT.xlsx") String filename,
            @Schema(examples = "/api/v1/reports/plan/closed/2024/file?unit=SGDDT&format=xlsx") String href) {
    }

    @Schema(name = "ClosedReportFigure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(@Schema(examples = "online-submission") String id, IndicatorValue.Label name,
            @Schema(description = "As the closed report gave it") Counts asClosed,
            @Schema(description = "As the same period and scope stand now", nullable = true) Counts now,
            @Schema(description = "now - asClosed, for the numerator, the denominator and the value", nullable = true) Change change) {
    }

    @Schema(name = "ClosedReportCounts")
    public record Counts(@Schema(examples = "5120") long numerator, @Schema(nullable = true, examples = "10240") Long denominator,
            @Schema(nullable = true, examples = "50.0") BigDecimal value, @Schema(nullable = true, examples = "50.0") BigDecimal target) {
    }

    @Schema(name = "ClosedReportChange")
    public record Change(@Schema(examples = "1") long numerator, @Schema(nullable = true, examples = "1") Long denominator,
            @Schema(nullable = true, examples = "0.01") BigDecimal value) {
    }

    @Schema(name = "ClosedReportLateEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LateEvent(@Schema(examples = "HS-2024-000123") String dossierCode,
            @Schema(description = "A payment event's transaction; absent for a dossier event", nullable = true, examples = "TX-2024-0042")
            String transactionId,
            @Schema(examples = "evt-9") String eventId,
            @Schema(description = "The dossier event's type, or the payment event's (PAID, REFUNDED, ...) when transactionId is given",
                    examples = "RESULT_ISSUED") String type, @Schema(examples = "2024-12-30T16:00:00+07:00") OffsetDateTime occurredAt,
            @Schema(description = "When this service counted it", examples = "2025-01-12T08:30:00+07:00") OffsetDateTime countedAt) {
    }
}
