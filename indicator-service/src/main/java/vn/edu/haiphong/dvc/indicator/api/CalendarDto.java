package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year's working-day calendar (CONTRACT section 6), as served. */
@Schema(name = "Calendar", description = "A working day is a Monday-Friday not in holidays, or a day in workingWeekendDays. "
        + "A year never set has no holidays and no breaks, and says configured: false.")
public record CalendarDto(
        @Schema(examples = "2024") int year,
        @Schema(description = "Days off, sorted", examples = "[\"2024-01-01\", \"2024-02-08\"]") List<LocalDate> holidays,
        @Schema(description = "Saturdays or Sundays worked, sorted", examples = "[\"2024-05-04\"]") List<LocalDate> workingWeekendDays,
        @Schema(description = "School breaks, sorted by their first day") List<SchoolBreak> schoolBreaks,
        @Schema(description = "false for a year never set (working days are then only Monday-Friday)") boolean configured) {

    /** Days [from, to], both inclusive, within the calendar's year. */
    @Schema(name = "SchoolBreak")
    public record SchoolBreak(@Schema(examples = "2024-06-01") LocalDate from, @Schema(examples = "2024-08-31") LocalDate to,
            @Schema(examples = "Nghỉ hè") String name) {
    }
}
