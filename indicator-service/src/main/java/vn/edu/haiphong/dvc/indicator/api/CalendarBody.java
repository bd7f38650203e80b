package vn.edu.haiphong.dvc.indicator.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A calendar as PUT: dates as text, so that a malformed one is refused with its field and index (422) like any other
 * broken rule, not as an unreadable body. {@code year} and {@code configured} may be sent back as read; {@code year},
 * when sent, must be the year of the path.
 */
@Schema(name = "CalendarUpdate")
public record CalendarBody(
        @Schema(description = "Optional; the year of the path when given", examples = "2024") Integer year,
        @Schema(examples = "[\"2024-01-01\", \"2024-02-08\"]") List<String> holidays,
        @Schema(examples = "[\"2024-05-04\"]") List<String> workingWeekendDays,
        List<Break> schoolBreaks,
        @Schema(description = "Ignored (a calendar that was PUT is configured)") Boolean configured) {

    @Schema(name = "SchoolBreakUpdate")
    public record Break(@Schema(examples = "2024-06-01") String from, @Schema(examples = "2024-08-31") String to,
            @Schema(examples = "Nghỉ hè") String name) {
    }
}
