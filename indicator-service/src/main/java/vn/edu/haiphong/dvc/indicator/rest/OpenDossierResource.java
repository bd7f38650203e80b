package vn.edu.haiphong.dvc.indicator.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import vn.edu.haiphong.dvc.indicator.api.OpenDossierPage;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierSummary;
import vn.edu.haiphong.dvc.indicator.domain.OpenState;
import vn.edu.haiphong.dvc.indicator.report.OpenDossierExport;
import vn.edu.haiphong.dvc.indicator.report.ReportFormat;
import vn.edu.haiphong.dvc.indicator.service.OpenDossierService;
import vn.edu.haiphong.dvc.indicator.service.OpenDossierService.Export;
import vn.edu.haiphong.dvc.indicator.service.UnitDirectory;

@Path("/api/v1/open-dossiers")
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Open dossiers", description = "The dossiers in process now (hồ sơ đang giải quyết): waiting, overdue, due soon, on track")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "An unknown unit or state, within, page, size or format out of range, named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
public class OpenDossierResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_WITHIN = 30;
    static final int MAX_PAGE = 100_000;
    static final int MAX_SIZE = 500;

    private final OpenDossierService service;
    private final UnitDirectory units;

    public OpenDossierResource(OpenDossierService service, UnitDirectory units) {
        this.service = service;
        this.units = units;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XLSX, Problem.MEDIA_TYPE })
    @Operation(operationId = "listOpenDossiers", summary = "The dossiers open now in a scope, oldest due first",
            description = "Received and not ended (by a result or a withdrawal), in `unit` and below (default every unit), each in "
                    + "exactly one state, tried in order: waiting (waits on the applicant), overdue (due before now), due-soon (its "
                    + "due day at most `within` working days after today), on-track. Then by dossier code. format=json (default) "
                    + "pages; csv and xlsx carry the whole filtered list, at most 100,000 rows (X-Total-Count says how many there "
                    + "were, X-Truncated: true when more), with Vietnamese headings. Nothing personal.")
    @APIResponse(responseCode = "200", description = "A page (json), or the list as an attachment (csv, xlsx)",
            headers = { @Header(name = "X-Total-Count", description = "csv, xlsx: the open dossiers of the filter",
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "X-Truncated", description = "csv, xlsx: true when only the first 100,000 are in the file",
                            schema = @Schema(type = SchemaType.BOOLEAN)) },
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDossierPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response list(@Parameter(description = "A unit code; default every unit", example = "SGDDT") @QueryParam("unit") String unit,
            @Parameter(description = "waiting, overdue, due-soon or on-track; default all") @QueryParam("state") String state,
            @Parameter(description = "0 to 30 working days; default 2") @QueryParam("within") String within,
            @Parameter(description = "From 0 to 100000; default 0 (json only)") @QueryParam("page") String page,
            @Parameter(description = "1 to 500; default 50 (json only)") @QueryParam("size") String size,
            @Parameter(description = "json (default), csv or xlsx") @QueryParam("format") String format) {
        List<FieldError> errors = new ArrayList<>();
        String scope = unit(unit, errors);
        OpenState filter = state(state, errors);
        int days = ScopeParameters.number("within", within, OpenDossierService.DEFAULT_WITHIN, 0, MAX_WITHIN, errors);
        int pageNumber = ScopeParameters.number("page", page, 0, 0, MAX_PAGE, errors);
        int pageSize = ScopeParameters.number("size", size, 50, 1, MAX_SIZE, errors);
        ReportFormat file = null;
        if (format != null && !format.isBlank() && !"json".equalsIgnoreCase(format)) {
            file = ReportFormat.of(format).filter(f -> f != ReportFormat.PDF).orElse(null);
            if (file == null) {
                errors.add(FieldError.of("format", "must be one of json, csv, xlsx"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        if (file == null) {
            return Response.ok(service.page(scope, filter, days, pageNumber, pageSize), MediaType.APPLICATION_JSON).build();
        }
        Export export = service.export(scope, filter, days);
        String filename = OpenDossierExport.filename(export, file);
        return Response.ok(file == ReportFormat.CSV ? OpenDossierExport.csv(export) : OpenDossierExport.xlsx(export), file.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8))
                .header("X-Total-Count", export.total())
                .header("X-Truncated", export.truncated())
                .build();
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "summarizeOpenDossiers", summary = "How many dossiers are open now in each state, for the scope and each unit below it",
            description = "The counts of the list's states for `unit` and below (default every unit), then for each unit directly "
                    + "below it (each root for every unit) over its own subtree, most overdue first, then by code.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDossierSummary.class)))
    public OpenDossierSummary summary(@Parameter(description = "A unit code; default every unit") @QueryParam("unit") String unit,
            @Parameter(description = "0 to 30 working days; default 2") @QueryParam("within") String within) {
        List<FieldError> errors = new ArrayList<>();
        String scope = unit(unit, errors);
        int days = ScopeParameters.number("within", within, OpenDossierService.DEFAULT_WITHIN, 0, MAX_WITHIN, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return service.summary(scope, days);
    }

    private String unit(String unit, List<FieldError> errors) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        if (!units.exists(unit)) {
            errors.add(FieldError.of("unit", "'" + unit + "' is not a registered unit"));
        }
        return unit;
    }

    private static OpenState state(String state, List<FieldError> errors) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return OpenState.byId(state).orElseGet(() -> {
            errors.add(FieldError.of("state", "must be one of "
                    + Arrays.stream(OpenState.values()).map(s -> s.id).collect(Collectors.joining(", "))));
            return null;
        });
    }
}
