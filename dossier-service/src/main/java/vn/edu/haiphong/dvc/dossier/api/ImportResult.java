package vn.edu.haiphong.dvc.dossier.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportResult", description = "What a CSV import changed: rows that created, changed or left unchanged a record.")
public record ImportResult(
        @Schema(examples = "12") int created,
        @Schema(examples = "3") int updated,
        @Schema(examples = "40") int unchanged) {
}
