package vn.edu.haiphong.dvc.indicator.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import vn.edu.haiphong.dvc.indicator.api.PlanDto;
import vn.edu.haiphong.dvc.indicator.api.PlanTaskDto;
import vn.edu.haiphong.dvc.indicator.service.DataVersion;
import vn.edu.haiphong.dvc.indicator.service.PlanService;
import vn.edu.haiphong.dvc.indicator.service.PlanTaskService;

@Path("/api/v1/plans/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "The targets of each year's plan (kế hoạch)")
@SecurityRequirement(name = "bearer")
public class PlanResource {

    private final PlanService plans;
    private final PlanTaskService tasks;
    private final DataVersion version;

    public PlanResource(PlanService plans, PlanTaskService tasks, DataVersion version) {
        this.plans = plans;
        this.tasks = tasks;
        this.version = version;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getPlan", summary = "The targets that apply to a year", description = "A year without a plan of its own uses the latest "
            + "earlier year's (`planYear` says which). The 2024 plan is built in.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class)))
    @APIResponse(responseCode = "404", description = "No plan for this year or any earlier one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public PlanDto get(@PathParam("year") int year) {
        return plans.plan(year).orElseThrow(() -> ProblemException.notFound("No plan for " + year + " or any earlier year"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putPlan", summary = "Set a year's targets", description = "Indicators not named have no target that year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class),
            examples = @ExampleObject(name = "2025", value = "{ \"targets\": { \"online-submission\": 60, \"online-payments\": 50 } }")))
    @APIResponse(responseCode = "201", description = "The year had no plan of its own; now it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class)))
    @APIResponse(responseCode = "200", description = "The year's plan was replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class)))
    @APIResponse(responseCode = "422", description = "An unknown indicator or a target outside 0-100, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public Response put(@PathParam("year") int year, PlanDto body) {
        if (body == null) {
            throw ProblemException.malformed("The body is empty: { \"targets\": { ... } } is expected");
        }
        Map<String, BigDecimal> targets = body.targets();
        boolean created = plans.put(year, targets);
        version.refresh();
        PlanDto plan = plans.plan(year).orElseThrow();
        return created ? Response.created(URI.create("/api/v1/plans/" + year)).entity(plan).build() : Response.ok(plan).build();
    }

    @GET
    @Path("/tasks")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getPlanTasks", summary = "The plan's tasks (the appendix's 13 rows) and their status over the year",
            description = "Built in for 2024. Status over 1 January to 31 December (to today for this year) for every unit: behind "
                    + "when a measuring indicator with a target is not met, else no-data when one has no value, else met. Rows 1 "
                    + "and 12 take the status an admin reports: DONE is met, NOT_STARTED and IN_PROGRESS are behind, no-data "
                    + "until one is reported.")
    @APIResponse(responseCode = "200", description = "The tasks, by number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PlanTaskDto.class)))
    @APIResponse(responseCode = "404", description = "No tasks are built in for this year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public List<PlanTaskDto> tasks(@PathParam("year") int year) {
        return tasks.tasks(year);
    }

    @PUT
    @Path("/tasks/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putPlanTaskReport", summary = "Report a task's progress",
            description = "Replaces what was reported of the task (the same body twice changes nothing more). Every task accepts a "
                    + "report, shown in `reported`; only rows 1 and 12 take their status from it, the others stay measured.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanTaskDto.TaskReport.class),
            examples = @ExampleObject(name = "row 12", value = "{ \"status\": \"IN_PROGRESS\", \"note\": \"40 trường đã sinh hoạt chuyên đề\", "
                    + "\"evidence\": [{ \"title\": \"Kế hoạch triển khai\", \"url\": \"https://haiphong.edu.vn/ke-hoach.pdf\" }] }")))
    @APIResponse(responseCode = "200", description = "The task as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanTaskDto.class)))
    @APIResponse(responseCode = "422", description = "A bad status, note, evidence title or URL, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task in this year's plan (tasks are 1-13; built in for 2024)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public PlanTaskDto report(@PathParam("year") int year, @PathParam("number") int number, PlanTaskDto.TaskReport body) {
        tasks.report(year, number, body);
        version.refresh();
        return tasks.tasks(year).stream().filter(t -> t.number() == number).findFirst().orElseThrow();
    }
}
