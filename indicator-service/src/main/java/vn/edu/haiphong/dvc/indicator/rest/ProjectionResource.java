package vn.edu.haiphong.dvc.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.ProjectionResponse;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.service.Projections;

@Path("/api/v1/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Indicators")
@SecurityRequirement(name = "bearer")
public class ProjectionResource {

    private final Projections projections;
    private final ScopeParameters scopes;

    public ProjectionResource(Projections projections, ScopeParameters scopes) {
        this.projections = projections;
        this.scopes = scopes;
    }

    @GET
    @Operation(operationId = "getProjections", summary = "r2: each indicator with a target, projected to the year's end, and the pace that meets it",
            description = "As of `to` (default today): the figures of 1 January to `to`, plus the pace of the 8 weeks ending `to` "
                    + "(within the year) carried over the days left to 31 December. `neededInAll`: how many of the denominator's items "
                    + "still to come must also count in the numerator to meet the target, `neededPerWeek` the same per week left. "
                    + "Only the indicators whose counts add up over days (dossiers, results, transactions) are projected; the others "
                    + "are listed in `notProjected` with the reason. A projection (`projection: true`), never an official figure.")
    @APIResponse(responseCode = "200", description = "The projections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectionResponse.class)))
    @APIResponse(responseCode = "400", description = "A malformed date or an unknown unit, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public ProjectionResponse projections(
            @Parameter(description = "The day the projection is made on; default today", example = "2024-10-15") @QueryParam("to") String to,
            @Parameter(description = "A unit code; default every unit", example = "SGDDT") @QueryParam("unit") String unit) {
        // The year of `to` from 1 January, checked as /api/v1/indicators checks its period and unit.
        String from = to != null && to.matches("\\d{4}-\\d{2}-\\d{2}") ? to.substring(0, 4) + "-01-01" : null;
        Scope scope = scopes.read(from, to, unit);
        return projections.project(scope.to(), scope.unit());
    }
}
