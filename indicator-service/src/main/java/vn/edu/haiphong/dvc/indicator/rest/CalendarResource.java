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
import vn.edu.haiphong.dvc.indicator.api.CalendarBody;
import vn.edu.haiphong.dvc.indicator.api.CalendarDto;
import vn.edu.haiphong.dvc.indicator.service.CalendarService;
import vn.edu.haiphong.dvc.indicator.service.DataVersion;

@Path("/api/v1/calendars/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars", description = "The working-day calendar of each year (lịch làm việc): holidays, weekend days worked, school breaks")
@SecurityRequirement(name = "bearer")
public class CalendarResource {

    private static final String EXAMPLE = """
            { "year": 2024, "holidays": ["2024-01-01", "2024-02-08"], "workingWeekendDays": ["2024-05-04"],
              "schoolBreaks": [{ "from": "2024-06-01", "to": "2024-08-31", "name": "Nghỉ hè" }], "configured": true }""";

    private final CalendarService calendars;
    private final DataVersion version;

    public CalendarResource(CalendarService calendars, DataVersion version) {
        this.calendars = calendars;
        this.version = version;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getCalendar", summary = "A year's working-day calendar",
            description = "2024 is built in. A year never set has no holidays and no breaks, and says `configured: false`: "
                    + "its working days are then only Monday to Friday.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDto.class),
                    examples = @ExampleObject(name = "2024", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public CalendarDto get(@PathParam("year") int year) {
        return calendars.calendar(year);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCalendar", summary = "Set a year's working-day calendar",
            description = "Replaces the whole calendar of the year (a list not sent is empty). Every date must lie in the year; "
                    + "a school break is a range within it (from <= to) with a name; no day or break twice.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarBody.class),
            examples = @ExampleObject(name = "2024", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The year had no calendar of its own; now it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDto.class)))
    @APIResponse(responseCode = "200", description = "The year's calendar was replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDto.class)))
    @APIResponse(responseCode = "422", description = "A date outside the year, a break not a range, a duplicate: each named with its index; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public Response put(@PathParam("year") int year, CalendarBody body) {
        if (body == null) {
            throw ProblemException.malformed("The body is empty: { \"holidays\": [...], \"workingWeekendDays\": [...], \"schoolBreaks\": [...] } is expected");
        }
        boolean created = calendars.put(year, body);
        version.refresh();
        CalendarDto calendar = calendars.calendar(year);
        return created ? Response.created(URI.create("/api/v1/calendars/" + year)).entity(calendar).build() : Response.ok(calendar).build();
    }
}
