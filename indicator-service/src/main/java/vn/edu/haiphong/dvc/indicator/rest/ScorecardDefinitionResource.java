package vn.edu.haiphong.dvc.indicator.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto;
import vn.edu.haiphong.dvc.indicator.scorecard.ScorecardService;

@Path("/api/v1/scorecards/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard", description = "r2: the national scorecard (Bộ chỉ số 766), estimated live from the indicators")
@SecurityRequirement(name = "bearer")
public class ScorecardDefinitionResource {

    private static final String DEFINITION_EXAMPLE = """
            { "version": "766-2025.1",
              "groups": [ { "id": "2", "name": { "vi": "Tiến độ giải quyết", "en": "Processing on time" }, "maxPoints": 20 } ],
              "criteria": [ { "id": "2.1", "indicator": "processed-on-time", "maxPoints": 20, "fullAt": 100 } ],
              "notComputed": [ { "id": "1", "name": { "vi": "Công khai, minh bạch", "en": "Publicity and transparency" },
                "maxPoints": 18, "dataNeeded": { "vi": "Thủ tục hành chính được công khai đúng hạn, đầy đủ",
                "en": "Procedures published on time and completely" } } ] }""";

    private final ScorecardService scorecards;

    public ScorecardDefinitionResource(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getScorecardDefinition", summary = "The scorecard's definition that applies to a year",
            description = "A year without one of its own uses the latest earlier year's (`definitionYear` says which). 2024's "
                    + "(version 766-2024.1, the contract's table) is built in.")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardDefinitionDto.class)))
    @APIResponse(responseCode = "404", description = "No definition for this year or any earlier one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public ScorecardDefinitionDto get(@PathParam("year") int year) {
        return scorecards.definition(year)
                .orElseThrow(() -> ProblemException.notFound("No scorecard definition for " + year + " or any earlier year"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putScorecardDefinition", summary = "Set a year's scorecard definition",
            description = "Replaces the year's definition whole (`year` and `definitionYear` in the body are ignored); every "
                    + "later answer of the scorecard uses it at once. Years 2000-2100.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardDefinitionDto.class),
            examples = @ExampleObject(name = "2025", value = DEFINITION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The year had no definition of its own; now it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardDefinitionDto.class)))
    @APIResponse(responseCode = "200", description = "The year's definition was replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardDefinitionDto.class)))
    @APIResponse(responseCode = "422", description = "Each bad field named: version, a group's or criterion's id, an unknown "
            + "indicator, points or fullAt out of range, a group worth less than its items, a year outside 2000-2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public Response put(@PathParam("year") int year, ScorecardDefinitionDto body) {
        if (body == null) {
            throw ProblemException.malformed("The body is empty: { \"version\", \"groups\", \"criteria\", \"notComputed\" } is expected");
        }
        boolean created = scorecards.put(year, body);
        ScorecardDefinitionDto definition = scorecards.definition(year).orElseThrow();
        return created ? Response.created(URI.create("/api/v1/scorecards/" + year)).entity(definition).build()
                : Response.ok(definition).build();
    }
}
