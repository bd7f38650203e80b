package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One unit's own broadcasts per week of a period (appendix row 13, indicator 16 {@code weekly-broadcasts}): what a
 * school reads to see which weeks it aired in and which it missed.
 */
@Schema(name = "SchoolWeeks")
public record SchoolWeeksResponse(
        @Schema(description = "The unit") Unit unit,
        @Schema(description = "Whether the unit has a school broadcast system (hệ thống truyền thanh), which must air every week")
        boolean broadcastSystem,
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-12-31") LocalDate to,
        @Schema(description = "The server's time of the answer, on the department's clock", examples = "2024-12-02T08:00:00+07:00")
        OffsetDateTime asOf,
        @Schema(description = "Every Monday-Sunday week wholly within [from, min(to, yesterday)], in order; a week wholly within a "
                + "school break is listed too, marked, and does not count") List<Week> weeks,
        @Schema(description = "The weeks that count: the weeks of the period (CONTRACT section 5)", examples = "40") int weeksCounted,
        @Schema(description = "The weeks that count with no broadcast of the unit's own", examples = "3") int weeksMissed) {

    @Schema(name = "SchoolWeeksUnit")
    public record Unit(@Schema(examples = "THCS-LC-01") String code, @Schema(examples = "Trường THCS Lê Chân") String name) {
    }

    @Schema(name = "SchoolWeek")
    public record Week(
            @Schema(examples = "2024-03-04") LocalDate monday,
            @Schema(examples = "2024-03-10") LocalDate sunday,
            @Schema(description = "The school break (its name) that holds the whole week; null for a week that counts",
                    nullable = true, examples = "Nghỉ hè") String schoolBreak,
            @Schema(description = "Whether the week is one of the period's weeks: not wholly within a school break") boolean counts,
            @Schema(description = "BROADCAST_AIRED events of the unit itself (not of the units below it) in the week", examples = "2")
            long broadcasts) {
    }
}
