package vn.edu.haiphong.dvc.indicator.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.PublicIndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.config.DashboardConfig;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.service.PublicIndicators;
import vn.edu.haiphong.dvc.indicator.service.UnitDirectory;

@Path("/api/v1/public")
@Tag(name = "Public", description = "r2: what anyone may read, with no token: figures against the plan, counts only")
public class PublicIndicatorResource {

    /** How long a browser or a proxy may keep an answer: the figures move by the minute, not by the second. */
    static final int MAX_AGE_SECONDS = 60;

    private final PublicIndicators figures;
    private final UnitDirectory units;
    private final DashboardConfig dashboard;

    public PublicIndicatorResource(PublicIndicators figures, UnitDirectory units, DashboardConfig dashboard) {
        this.figures = figures;
        this.units = units;
        this.dashboard = dashboard;
    }

    @GET
    @Path("indicators")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicIndicators", summary = "r2: the department's and each district's figures against the plan, for the public",
            description = "No token. Over 1 January to 31 December of `year` (to today for this year): each root of the unit tree (the "
                    + "department) and each unit directly below it (the districts), or only `unit` (a school's widget), each with its "
                    + "indicators (or only `indicator`): numerator, denominator, value, target and whether it is met. Counts only: "
                    + "nothing per dossier, nothing about anyone. Cacheable for a minute.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicIndicatorsResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad year, unit or indicator, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response figures(@Parameter(description = "From 2000 to this year; default this year", example = "2024") @QueryParam("year") String year,
            @Parameter(description = "One unit; default the department and its districts", example = "SGDDT") @QueryParam("unit") String unit,
            @Parameter(description = "One indicator's id; default all", example = "online-submission") @QueryParam("indicator") String indicator) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        Integer value = ReportResource.year(year, today.getYear(), errors);
        UnitDto scope = null;
        if (unit != null && !unit.isBlank()) {
            scope = units.unit(unit).orElse(null);
            if (scope == null) {
                errors.add(FieldError.of("unit", "'" + unit + "' is not a registered unit"));
            }
        }
        Indicator only = null;
        if (indicator != null && !indicator.isBlank()) {
            only = Indicator.byId(indicator).orElse(null);
            if (only == null) {
                errors.add(FieldError.of("indicator", "'" + indicator + "' is not an indicator's id"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return Response.ok(figures.figures(value, today, scope, only)).header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS).build();
    }

    /** Where the public page looks a dossier up. */
    @Schema(name = "PublicConfig")
    public record PublicConfig(@Schema(description = "dossier-service's base URL, whose GET /api/v1/public/dossiers/{dossierCode} the page calls",
            examples = "https://dvc.haiphong.edu.vn") String dossierServiceUrl) {
    }

    @GET
    @Path("config")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicConfig", summary = "r2: what the public page needs to look a dossier up (no token)",
            description = "The base URL of dossier-service, whose public progress endpoint (GET /api/v1/public/dossiers/{dossierCode}) the "
                    + "public page calls from the visitor's browser. No token; cacheable for a minute.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicConfig.class)))
    public Response config() {
        return Response.ok(new PublicConfig(DashboardPageHeaders.withoutTrailingSlash(dashboard.dossierServiceUrl())))
                .header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS).build();
    }
}
