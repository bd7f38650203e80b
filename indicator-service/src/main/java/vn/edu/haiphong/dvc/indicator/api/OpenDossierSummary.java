package vn.edu.haiphong.dvc.indicator.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The count per state of the dossiers open now, for the scope and each unit directly below it, ranked by overdue. */
@Schema(name = "OpenDossierSummary")
public record OpenDossierSummary(
        @Schema(nullable = true, description = "The scope unit; null for every unit") String unit,
        OffsetDateTime asOf,
        int within,
        StateCounts counts,
        @Schema(description = "Each unit directly below the scope (each root for every unit), over its own subtree: most overdue "
                + "first, then by code") List<UnitCounts> units) {

    @Schema(name = "OpenStateCounts")
    @JsonPropertyOrder({ "waiting", "overdue", "due-soon", "on-track" })
    public record StateCounts(long waiting, long overdue, @JsonProperty("due-soon") long dueSoon,
            @JsonProperty("on-track") long onTrack) {
    }

    @Schema(name = "OpenUnitCounts")
    public record UnitCounts(String code, String name, StateCounts counts) {
    }
}
