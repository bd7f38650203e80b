package vn.edu.haiphong.dvc.dossier.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone may know of a dossier from its code: where it stands, nothing about who filed it. */
@Schema(name = "PublicProgress", description = "The public progress of a dossier. Holds nothing personal.")
public record PublicProgress(
        @Schema(examples = "HS-2024-000123") String dossierCode,
        Named procedure,
        Named unit,
        @Schema(description = "SUBMITTED (đã nộp), PROCESSING (đang xử lý), WAITING_FOR_SUPPLEMENT (chờ bổ sung hồ sơ: received, "
                + "and the office's latest request to complete the dossier is not answered yet), RESULT_ISSUED (đã có kết quả) "
                + "or WITHDRAWN (đã rút)", examples = "PROCESSING") Stage stage,
        Label stageName,
        @Schema(nullable = true) OffsetDateTime submittedAt,
        @Schema(nullable = true) OffsetDateTime receivedAt,
        @Schema(description = "When the result is due now: the dueAt of the dossier's latest (by occurredAt, then eventId) RECEIVED "
                + "or SUPPLEMENT_RECEIVED event that carries one (a completed dossier may get a new appointment)", nullable = true)
        OffsetDateTime dueAt,
        @Schema(nullable = true) OffsetDateTime resultIssuedAt,
        @Schema(description = "Whether the result was issued by the current due time (dueAt); null while there is no result or no due time",
                nullable = true) Boolean onTime) {

    public enum Stage {
        SUBMITTED("Đã nộp hồ sơ", "Submitted"),
        PROCESSING("Đang xử lý", "Being processed"),
        WAITING_FOR_SUPPLEMENT("Chờ bổ sung hồ sơ", "Waiting for the applicant's supplement"),
        RESULT_ISSUED("Đã có kết quả", "Result issued"),
        WITHDRAWN("Đã rút hồ sơ", "Withdrawn");

        public final Label label;

        Stage(String vi, String en) {
            this.label = new Label(vi, en);
        }
    }

    @Schema(name = "Label")
    public record Label(String vi, String en) {
    }

    @Schema(name = "NamedReference")
    public record Named(String code, String name) {
    }
}
