package vn.edu.haiphong.dvc.indicator.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as indicator-service knows it (copied from dossier-service's reference topic), for pickers. */
@Schema(name = "UnitRef")
public record UnitDto(
        @Schema(examples = "PGD-LC") String code,
        @Schema(examples = "Phòng Giáo dục và Đào tạo quận Lê Chân") String name,
        @Schema(examples = "DISTRICT_OFFICE") String type,
        @Schema(description = "null for a root of the tree", nullable = true, examples = "SGDDT") String parentCode) {
}
