package vn.edu.haiphong.dvc.indicator.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.SchoolWeeksResponse;
import vn.edu.haiphong.dvc.indicator.service.SchoolWeeksService;

@Path("/api/v1/outreach")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outreach", description = "A school's own outreach (appendix rows 12-13): its broadcasts week by week")
@SecurityRequirement(name = "bearer")
public class OutreachResource {

    private static final String EXAMPLE = """
            { "unit": { "code": "THCS-LC-01", "name": "Trường THCS Lê Chân" }, "broadcastSystem": true,
              "from": "2024-01-01", "to": "2024-12-31", "asOf": "2025-01-02T08:00:00+07:00",
              "weeks": [ { "monday": "2024-01-01", "sunday": "2024-01-07", "schoolBreak": null, "counts": true, "broadcasts": 2 },
                         { "monday": "2024-01-08", "sunday": "2024-01-14", "schoolBreak": null, "counts": true, "broadcasts": 0 },
                         { "monday": "2024-06-03", "sunday": "2024-06-09", "schoolBreak": "Nghỉ hè", "counts": false, "broadcasts": 0 } ],
              "weeksCounted": 2, "weeksMissed": 1 }""";

    private final SchoolWeeksService service;
    private final ScopeParameters scopes;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public OutreachResource(SchoolWeeksService service, ScopeParameters scopes, SecurityIdentity identity, JsonWebToken token) {
        this.service = service;
        this.scopes = scopes;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Path("weeks")
    @RolesAllowed({ Roles.READER, Roles.ADMIN, Roles.UNIT_REPORTER })
    @Operation(operationId = "getSchoolWeeks", summary = "One unit's own broadcasts, week by week",
            description = "Every Monday-Sunday week wholly within [from, min(to, yesterday)] (UTC+07:00), those wholly within a "
                    + "school break of the calendar marked and not counted (the weeks of indicator 16, weekly-broadcasts), each with "
                    + "the number of BROADCAST_AIRED events of the unit itself, not of the units below it. from/to default to 1 "
                    + "January of this year and today. A reader or an admin reads any unit (`unit` required); a unit-reporter its "
                    + "token's unit (the default) and the units below it.")
    @APIResponse(responseCode = "200", description = "The unit's weeks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolWeeksResponse.class),
                    examples = @ExampleObject(name = "a school in 2024", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No unit, an unknown unit, or a bad or out-of-range date, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has none of reader, admin, unit-reporter; or, for a unit-reporter, "
            + "`unit` is neither its own unit nor below it (named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SchoolWeeksResponse weeks(
            @Parameter(description = "A unit code; a unit-reporter's own unit by default", example = "THCS-LC-01") @QueryParam("unit") String unit,
            @Parameter(example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(example = "2024-12-31") @QueryParam("to") String to) {
        String chosen = unit == null || unit.isBlank() ? null : unit;
        if (!identity.hasRole(Roles.READER) && !identity.hasRole(Roles.ADMIN)) {
            // A unit-reporter only: its own unit and those below it, decided before anything else is said about the unit.
            String own = ownUnit();
            chosen = chosen == null ? own : chosen;
            service.requireReportersUnit(own, chosen);
        } else if (chosen == null) {
            throw ProblemException.badParameters(List.of(FieldError.of("unit", "is required")));
        }
        return service.weeks(scopes.read(from, to, chosen));
    }

    /** The unit a unit-reporter's token names (claim {@value Roles#UNIT_CLAIM}), or null. */
    private String ownUnit() {
        Object claim = token.getClaim(Roles.UNIT_CLAIM);
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s ? s : null;
    }
}
