package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** r2 (issue 20): a unit fell behind (or caught up again). */
@Schema(name = "Alert")
public record AlertDto(
        @Schema(description = "Increasing: ask for what came after the last one you have", examples = "42") long id,
        @Schema(examples = "2024-10-15T08:00:00+07:00") OffsetDateTime raisedAt,
        @Schema(examples = "PGD-LC") String unit,
        @Schema(examples = "Phòng Giáo dục và Đào tạo quận Lê Chân") String unitName,
        @Schema(description = "BELOW_TARGET (an indicator went below the plan's target), BACK_ON_TARGET, OVERDUE_ABOVE_THRESHOLD "
                + "(more dossiers overdue than dvc.alerts.overdue-threshold), OVERDUE_BACK_UNDER", examples = "BELOW_TARGET") String type,
        @Schema(description = "The indicator's id, or overdue", examples = "online-submission") String subject,
        @Schema(description = "The indicator's value (%), or the number of dossiers overdue", nullable = true, examples = "48.5") BigDecimal value,
        @Schema(description = "The target (%), or the threshold", nullable = true, examples = "50.0") BigDecimal target,
        @Schema(description = "The period read: 1 January to the day of the check", examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-10-15") LocalDate to,
        IndicatorValue.Label message) {
}
