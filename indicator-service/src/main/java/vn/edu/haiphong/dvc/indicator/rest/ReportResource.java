package vn.edu.haiphong.dvc.indicator.rest;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import java.time.Clock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.report.PlanReport;
import vn.edu.haiphong.dvc.indicator.report.ReportFormat;
import vn.edu.haiphong.dvc.indicator.report.ReportWriter;
import vn.edu.haiphong.dvc.indicator.service.PlanReportService;
import vn.edu.haiphong.dvc.indicator.service.UnitDirectory;

@Path("/api/v1/reports/plan")
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Reports", description = "The report the department sends to the city People's Committee")
@SecurityRequirement(name = "bearer")
public class ReportResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlanReportService reports;
    private final UnitDirectory units;

    public ReportResource(PlanReportService reports, UnitDirectory units) {
        this.reports = reports;
        this.units = units;
    }

    @GET
    @Produces({ XLSX, "text/csv", "application/pdf", Problem.MEDIA_TYPE })
    @Operation(operationId = "getPlanReport", summary = "A year's plan report: each indicator with its value, target and verdict, and per unit",
            description = "Over 1 January to 31 December of `year` (to today for this year) and `unit` with every unit below it "
                    + "(default: every unit). The plan's tasks come first (section 9: status over this scope in Vietnamese, the "
                    + "figures of their measuring indicators, rows 1 and 12 as reported), then the indicators, then the units below. "
                    + "Vietnamese headings. xlsx: sheets Nhiệm vụ, Tổng hợp and Theo đơn vị; csv: the tasks, one empty line, then the "
                    + "per-unit table, each section with its own heading row, UTF-8 with a byte-order mark, comma-separated, decimal "
                    + "point; pdf: landscape A4 with the department's name, title, period, as-of time, page numbers and a signature "
                    + "block, DejaVu Sans embedded.")
    @APIResponse(responseCode = "200", description = "The report, as an attachment named bao-cao-ke-hoach-{year}-{unit}.{format}",
            content = {
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "A bad year, unit or format, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public Response plan(@Parameter(description = "From 2000 to this year; default this year", example = "2024") @QueryParam("year") String year,
            @Parameter(description = "A unit code; default every unit", example = "SGDDT") @QueryParam("unit") String unit,
            @Parameter(description = "xlsx (default), csv or pdf", example = "xlsx") @QueryParam("format") String format) {
        List<FieldError> errors = new ArrayList<>();
        int thisYear = DepartmentTime.today(Clock.systemUTC()).getYear();
        Integer reportYear = year(year, thisYear, errors);
        ReportFormat reportFormat = format == null || format.isBlank() ? ReportFormat.XLSX : ReportFormat.of(format).orElse(null);
        if (reportFormat == null) {
            errors.add(FieldError.of("format", "must be one of xlsx, csv, pdf"));
        }
        UnitDto scope = null;
        if (unit != null && !unit.isBlank()) {
            scope = units.unit(unit).orElse(null);
            if (scope == null) {
                errors.add(FieldError.of("unit", "'" + unit + "' is not a registered unit"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        PlanReport report = reports.report(reportYear, scope);
        String filename = ReportWriter.filename(report, reportFormat);
        return Response.ok(ReportWriter.write(report, reportFormat), reportFormat.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8))
                .build();
    }

    /** The year asked for, from 2000 to this one (default this one); null, with the error, otherwise. */
    static Integer year(String year, int thisYear, List<FieldError> errors) {
        if (year == null || year.isBlank()) {
            return thisYear;
        }
        try {
            int value = Integer.parseInt(year.trim());
            if (value >= 2000 && value <= thisYear) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, as any year out of range
        }
        errors.add(FieldError.of("year", "must be a year from 2000 to " + thisYear));
        return null;
    }
}
