package vn.edu.haiphong.dvc.indicator.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One task of a year's plan (CONTRACT section 9). */
@Schema(name = "PlanTask")
public record PlanTaskDto(
        @Schema(description = "The row of the plan's appendix, 1-13", examples = "6") int number,
        @Schema(description = "The task as written (vi) and in English (en)") IndicatorValue.Label task,
        @Schema(description = "The lead unit (Chủ trì), as written", examples = "Bộ phận Một cửa Sở") String lead,
        @Schema(description = "The co-ordinating units (Phối hợp), as written", examples = "Văn phòng Sở") String cooperating,
        @Schema(description = "The deadline (Thời gian thực hiện), as written", examples = "Năm 2024") String deadline,
        @Schema(description = "The product (Sản phẩm), as written; null where the appendix names none", nullable = true) String product,
        @Schema(description = "The ids of the indicators that measure it; empty for row 1", examples = "[\"online-submission\"]")
        List<String> indicators,
        @Schema(description = "Over the year for every unit: behind when a measuring indicator with a target is not met, else no-data "
                + "when one has no value, else met. Rows 1 and 12: DONE reported is met, NOT_STARTED or IN_PROGRESS is behind, "
                + "no-data until one is reported", enumeration = { "met", "behind", "no-data" }, examples = "met") String status,
        @Schema(description = "What an admin last reported of it; null until then", nullable = true) TaskReport reported) {

    /** What an admin reports of a task: {@code PUT /api/v1/plans/{year}/tasks/{number}}'s body, and {@code reported}. */
    @Schema(name = "TaskReport")
    public record TaskReport(
            @Schema(enumeration = { "NOT_STARTED", "IN_PROGRESS", "DONE" }, examples = "IN_PROGRESS") String status,
            @Schema(description = "At most 2,000 characters", nullable = true, examples = "Đã tổ chức sinh hoạt chuyên đề ở 40 trường")
            String note,
            @Schema(description = "At most 20 items; empty when none") List<Evidence> evidence) {
    }

    @Schema(name = "TaskEvidence")
    public record Evidence(
            @Schema(description = "1-200 characters", examples = "Báo cáo thực hiện quý III") String title,
            @Schema(description = "An absolute https URL, at most 2,000 characters", examples = "https://haiphong.edu.vn/bao-cao-q3.pdf")
            String url) {
    }
}
