package vn.edu.haiphong.dvc.dossier.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An administrative procedure (TTHC) of the catalogue, as read and written over REST. */
@Schema(name = "Procedure", description = "An administrative procedure (thủ tục hành chính) and its online-service flags.")
public record ProcedureDto(
        @Schema(description = "The procedure's code; in a PUT body optional, and if given equal to the path's", examples = "1.005090")
        @Pattern(regexp = ReferenceCodes.PATTERN, message = ReferenceCodes.MESSAGE) String code,
        @Schema(examples = "Chuyển trường đối với học sinh trung học phổ thông")
        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
        @Pattern(regexp = ReferenceCodes.TEXT, message = ReferenceCodes.TEXT_MESSAGE) String name,
        @Schema(examples = "Giáo dục trung học", nullable = true)
        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = ReferenceCodes.TEXT, message = ReferenceCodes.TEXT_MESSAGE) String field,
        @NotNull(message = "is required") Boolean eligibleFullyOnline,
        @NotNull(message = "is required") Boolean providedFullyOnline,
        @NotNull(message = "is required") Boolean integratedNationalPortal,
        @NotNull(message = "is required") Boolean feeBearing) {
}
