package vn.edu.haiphong.dvc.indicator.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the dossiers open now in a scope, oldest due first. */
@Schema(name = "OpenDossierPage")
public record OpenDossierPage(
        @Schema(nullable = true, description = "The scope unit; null for every unit", examples = "SGDDT") String unit,
        OffsetDateTime asOf,
        @Schema(examples = "2") int within,
        @Schema(examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(description = "Every open dossier of the scope (and state, when given)") long total,
        List<OpenDossierItem> items) {
}
