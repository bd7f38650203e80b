package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** r2: the scorecard of each unit directly below the scope (or each root), each over its own subtree, ranked by points. */
@Schema(name = "ScorecardUnits")
public record ScorecardUnitsResponse(
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-12-31") LocalDate to,
        @Schema(description = "The scope unit; null for every unit (the roots are ranked)", nullable = true, examples = "SGDDT") String unit,
        @Schema(examples = "2026-11-26T08:00:00+07:00") OffsetDateTime asOf,
        @Schema(examples = "766-2024.1") String version,
        @Schema(examples = "2024") int definitionYear,
        @Schema(examples = "true") boolean estimate,
        @Schema(description = "Highest earned first; equal points share a rank (1, 2, 2, 4), then by code") List<Unit> units) {

    @Schema(name = "ScorecardUnit")
    public record Unit(
            @Schema(examples = "1") int rank,
            @Schema(examples = "PGD-LC") String code,
            @Schema(examples = "Phòng Giáo dục và Đào tạo quận Lê Chân") String name,
            @Schema(examples = "61.37") BigDecimal earned,
            @Schema(examples = "72") BigDecimal possible,
            List<Group> groups) {
    }

    @Schema(name = "ScorecardUnitGroup")
    public record Group(
            @Schema(examples = "4") String id,
            @Schema(examples = "7.5") BigDecimal earned,
            @Schema(examples = "10") BigDecimal possible,
            @Schema(examples = "10") BigDecimal maxPoints) {
    }
}
