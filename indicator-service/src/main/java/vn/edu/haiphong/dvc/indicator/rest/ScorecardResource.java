package vn.edu.haiphong.dvc.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.ScorecardResponse;
import vn.edu.haiphong.dvc.indicator.api.ScorecardSeriesResponse;
import vn.edu.haiphong.dvc.indicator.api.ScorecardUnitsResponse;
import vn.edu.haiphong.dvc.indicator.scorecard.ScorecardService;

@Path("/api/v1/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Scorecard", description = "r2: the national scorecard (Bộ chỉ số 766), estimated live from the indicators")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "A malformed date, from after to, an unknown unit, or another bad parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No scorecard definition for the year of `to` or any earlier year (the first is 2024)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
public class ScorecardResource {

    private static final String SCORECARD_EXAMPLE = """
            { "from": "2024-01-01", "to": "2024-12-31", "unit": "SGDDT", "asOf": "2026-11-26T08:00:00+07:00",
              "version": "766-2024.1", "definitionYear": 2024, "estimate": true, "maxPoints": 100, "earned": 8.8, "possible": 10,
              "groups": [ { "id": "4", "name": { "vi": "Thanh toán trực tuyến", "en": "Online payment" }, "maxPoints": 10,
                "earned": 8.8, "possible": 10, "criteria": [ { "id": "4.3", "indicator": "dossiers-paid-online",
                  "name": { "vi": "Tỷ lệ hồ sơ thanh toán trực tuyến", "en": "Dossiers paid online" }, "subject": "DOSSIER",
                  "numerator": 800, "denominator": 1000, "value": 80.0, "fullAt": 100, "maxPoints": 6, "points": 4.8,
                  "pointsLost": 1.2, "needed": 200 } ] } ],
              "notComputed": [ { "id": "1", "name": { "vi": "Công khai, minh bạch", "en": "Publicity and transparency" },
                "maxPoints": 18, "dataNeeded": { "vi": "...", "en": "..." } } ] }""";

    private final ScorecardService scorecards;
    private final ScopeParameters scopes;

    public ScorecardResource(ScorecardService scorecards, ScopeParameters scopes) {
        this.scorecards = scorecards;
        this.scopes = scopes;
    }

    @GET
    @Operation(operationId = "getScorecard", summary = "The national scorecard over a period and a unit's scope (an estimate)",
            description = "Same from, to and unit as /api/v1/indicators (default: 1 January of this year to today, every unit). "
                    + "The definition for the year of `to`. Each criterion scores maxPoints × min(1, value / fullAt) from its "
                    + "indicator's served value, rounded half-up to 2 decimals; a criterion without a value scores nothing and its "
                    + "points leave `possible`. `earned` sums the exact points, then rounds. `needed`: how many more of the "
                    + "denominator's items, counted in the numerator, give full points. An estimate from this system's events "
                    + "(`estimate: true`); the portal's own score stays the official one.")
    @APIResponse(responseCode = "200", description = "The scorecard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardResponse.class),
                    examples = @ExampleObject(name = "a year, the department", value = SCORECARD_EXAMPLE)))
    public ScorecardResponse scorecard(@Parameter(example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(example = "2024-12-31") @QueryParam("to") String to,
            @Parameter(example = "SGDDT") @QueryParam("unit") String unit) {
        return scorecards.scorecard(scopes.read(from, to, unit));
    }

    @GET
    @Path("units")
    @Operation(operationId = "getScorecardRanking", summary = "The scorecard of each unit directly below the scope, ranked by points",
            description = "For each unit directly below `unit` (or each root of the tree), its scorecard over its own subtree; "
                    + "highest `earned` first, equal points sharing a rank (1, 2, 2, 4), then by code.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardUnitsResponse.class)))
    public ScorecardUnitsResponse units(@Parameter(example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(example = "2024-12-31") @QueryParam("to") String to,
            @Parameter(example = "SGDDT") @QueryParam("unit") String unit) {
        return scorecards.units(scopes.read(from, to, unit));
    }

    @GET
    @Path("series")
    @Operation(operationId = "getScorecardSeries", summary = "The scorecard's total month by month",
            description = "One bucket per calendar month of the period (the first and last clipped to it), each scored over that "
                    + "month alone with the definition of its own year; a month of a year before any definition has null points.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardSeriesResponse.class)))
    public ScorecardSeriesResponse series(@Parameter(example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(example = "2024-12-31") @QueryParam("to") String to,
            @Parameter(example = "SGDDT") @QueryParam("unit") String unit) {
        return scorecards.series(scopes.read(from, to, unit));
    }
}
