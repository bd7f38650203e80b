package vn.edu.haiphong.dvc.indicator.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.ClosedReportDto;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.report.ReportFormat;
import vn.edu.haiphong.dvc.indicator.service.ClosedReportService;
import vn.edu.haiphong.dvc.indicator.service.UnitDirectory;

@Path("/api/v1/reports/plan/closed")
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token")
public class ClosedReportResource {

    /** What an administrator closes: a year's plan report for a unit (none: every unit). */
    @Schema(name = "CloseReport")
    public record CloseBody(@Schema(examples = "2024") Integer year, @Schema(nullable = true, examples = "SGDDT") String unit) {
    }

    private final ClosedReportService closed;
    private final UnitDirectory units;
    private final SecurityIdentity identity;

    public ClosedReportResource(ClosedReportService closed, UnitDirectory units, SecurityIdentity identity) {
        this.closed = closed;
        this.units = units;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closePlanReport", summary = "r2: close a year's plan report for a unit, as sent to the city",
            description = "Freezes the report of GET /api/v1/reports/plan for `year` and `unit` (none: every unit): each indicator's "
                    + "figures and the xlsx, csv and pdf files, byte for byte, with who closed it and when, kept for ever. Idempotent: "
                    + "closing it again changes nothing and answers the first closing with 200.")
    @APIResponse(responseCode = "201", description = "Closed now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosedReportDto.class)))
    @APIResponse(responseCode = "200", description = "Closed before: the report as it was closed then",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosedReportDto.class)))
    @APIResponse(responseCode = "400", description = "A bad year or unit, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has not the admin role")
    public Response close(CloseBody body) {
        if (body == null) {
            throw ProblemException.malformed("The body must be a JSON object with year and unit");
        }
        List<FieldError> errors = new ArrayList<>();
        int thisYear = DepartmentTime.today(Clock.systemUTC()).getYear();
        if (body.year() == null || body.year() < 2000 || body.year() > thisYear) {
            errors.add(FieldError.of("year", "must be a year from 2000 to " + thisYear));
        }
        UnitDto unit = unit(body.unit(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ClosedReportService.Closing closing = closed.close(body.year(), unit, identity.getPrincipal().getName());
        return Response.status(closing.created() ? 201 : 200).entity(closing.report()).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listClosedPlanReports", summary = "r2: the closed plan reports of a year (default: every year)",
            description = "Each closed report as it was closed: year, unit, period, who closed it and when, its figures and the links to "
                    + "its files. Latest year first, then by unit.")
    @APIResponse(responseCode = "200", description = "The closed reports, each as closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ClosedReportDto.class)))
    @APIResponse(responseCode = "400", description = "A bad year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public List<ClosedReportDto> list(@Parameter(example = "2024") @QueryParam("year") String year) {
        if (year == null || year.isBlank()) {
            return closed.list(null);
        }
        List<FieldError> errors = new ArrayList<>();
        int value = year(year, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return closed.list(value);
    }

    @GET
    @Path("{year}")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getClosedPlanReport", summary = "r2: a closed plan report and its revisions since",
            description = "Each indicator as the report gave it (`asClosed`), as the same period and scope stand now (`now`) and the "
                    + "difference (`change`); `revised` counts the figures that moved; `lateEvents` the dossier events counted after "
                    + "the closing that happened within the report's period and scope (latest first, at most 200; "
                    + "`lateEventsTotal` all of them). A payment counted late moves the figures but is not listed.")
    @APIResponse(responseCode = "200", description = "The report and its revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosedReportDto.class)))
    @APIResponse(responseCode = "400", description = "A bad year or unit, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "That year's report for that unit is not closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public ClosedReportDto one(@PathParam("year") String year, @Parameter(example = "SGDDT") @QueryParam("unit") String unit) {
        List<FieldError> errors = new ArrayList<>();
        int value = year(year, errors);
        UnitDto scope = unit(unit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return closed.revisions(value, scope).orElseThrow(() -> notClosed(value, unit));
    }

    @GET
    @Path("{year}/file")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Produces({ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/pdf", Problem.MEDIA_TYPE })
    @Operation(operationId = "getClosedPlanReportFile", summary = "r2: a closed plan report's file, byte for byte as it was sent",
            description = "The xlsx, csv or pdf file stored when the report was closed, under its name then; later events never change "
                    + "it (GET /api/v1/reports/plan/closed/{year} says how the figures have moved since).")
    @APIResponse(responseCode = "200", description = "The file, as an attachment under its name at closing",
            content = {
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "A bad year, unit or format, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "That year's report for that unit is not closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public Response file(@PathParam("year") String year, @Parameter(example = "SGDDT") @QueryParam("unit") String unit,
            @Parameter(description = "xlsx (default), csv or pdf", example = "xlsx") @QueryParam("format") String format) {
        List<FieldError> errors = new ArrayList<>();
        int value = year(year, errors);
        UnitDto scope = unit(unit, errors);
        ReportFormat reportFormat = format == null || format.isBlank() ? ReportFormat.XLSX : ReportFormat.of(format).orElse(null);
        if (reportFormat == null) {
            errors.add(FieldError.of("format", "must be one of xlsx, csv, pdf"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        Map.Entry<String, byte[]> file = closed.file(value, scope, reportFormat).orElseThrow(() -> notClosed(value, unit));
        return Response.ok(file.getValue(), reportFormat.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getKey() + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file.getKey(), StandardCharsets.UTF_8))
                .build();
    }

    private UnitDto unit(String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            return null;
        }
        UnitDto unit = units.unit(code).orElse(null);
        if (unit == null) {
            errors.add(FieldError.of("unit", "'" + code + "' is not a registered unit"));
        }
        return unit;
    }

    private static int year(String year, List<FieldError> errors) {
        Integer value = ReportResource.year(year, DepartmentTime.today(Clock.systemUTC()).getYear(), errors);
        return value == null ? 0 : value;
    }

    private static ProblemException notClosed(int year, String unit) {
        return ProblemException.notFound("The plan report of " + year + (unit == null || unit.isBlank() ? " for every unit" : " for " + unit)
                + " is not closed");
    }
}
