package vn.edu.haiphong.dvc.indicator.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.BreakdownResponse;
import vn.edu.haiphong.dvc.indicator.api.DrillDownResponse;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.SeriesResponse;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.report.DrillDownExport;
import vn.edu.haiphong.dvc.indicator.report.ReportFormat;
import vn.edu.haiphong.dvc.indicator.repository.DrillRows;
import vn.edu.haiphong.dvc.indicator.repository.IndicatorQueries.DrillSet;
import vn.edu.haiphong.dvc.indicator.service.DrillDownService;
import vn.edu.haiphong.dvc.indicator.service.IndicatorService;
import vn.edu.haiphong.dvc.indicator.service.IndicatorService.Granularity;
import vn.edu.haiphong.dvc.indicator.service.LiveIndicators;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Indicators", description = "The indicators of the plan (chỉ tiêu) and of revision 2 (15, 23: dossiers processed on time), exact and live")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "A malformed date, from after to, a period beyond the bounds (from before 2000-01-01, to not before from + 10 years, a series of more than 1,000 buckets, a page size outside 1-500 or a page above 100,000), an unknown unit, or another bad parameter, named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
public class IndicatorResource {

    private static final String INDICATORS_EXAMPLE = """
            { "from": "2024-01-01", "to": "2024-12-31", "unit": "SGDDT", "asOf": "2026-11-26T08:00:00+07:00",
              "indicators": [ { "id": "online-submission",
                "name": { "vi": "Tỷ lệ hồ sơ nộp trực tuyến", "en": "Dossiers submitted online" },
                "numerator": 5120, "denominator": 10240, "value": 50.0, "target": 50.0, "met": true } ] }""";

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final IndicatorService service;
    private final DrillDownService drills;
    private final ScopeParameters scopes;
    private final LiveIndicators live;

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public IndicatorResource(IndicatorService service, DrillDownService drills, ScopeParameters scopes, LiveIndicators live,
            SecurityIdentity identity, JsonWebToken token) {
        this.service = service;
        this.drills = drills;
        this.scopes = scopes;
        this.live = live;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Operation(operationId = "listIndicators", summary = "Every indicator over a period and a unit's scope",
            description = "from/to inclusive (default: 1 January of this year to today, UTC+07:00); unit: the unit and every "
                    + "unit below it (default: every unit). Targets come from the plan for the year of `to`.")
    @APIResponse(responseCode = "200", description = "The indicators",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorsResponse.class),
                    examples = @ExampleObject(name = "a year, the department", value = INDICATORS_EXAMPLE)))
    public IndicatorsResponse all(@Parameter(example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(example = "2024-12-31") @QueryParam("to") String to,
            @Parameter(example = "SGDDT") @QueryParam("unit") String unit) {
        return service.all(scopes.read(from, to, unit));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIndicator", summary = "One indicator",
            description = "Its entry of the list of all indicators, with the same from, to and unit parameters and defaults.")
    @APIResponse(responseCode = "200", description = "The indicator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorValue.class)))
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorValue one(@Parameter(example = "online-submission") @PathParam("id") String id,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("unit") String unit) {
        return service.one(ScopeParameters.indicator(id), scopes.read(from, to, unit));
    }

    @GET
    @Path("{id}/series")
    @Operation(operationId = "getIndicatorSeries", summary = "The indicator per day, week, month or quarter of the period, for trend charts",
            description = "Each bucket has its own figures and the cumulative figures from `from` to the bucket's end.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesResponse.class)))
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SeriesResponse series(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("unit") String unit,
            @Parameter(description = "day, week (Monday to Sunday), month or quarter; at most 1,000 buckets") @QueryParam("granularity") @DefaultValue("month") String granularity) {
        Indicator indicator = ScopeParameters.indicator(id);
        Scope scope = scopes.read(from, to, unit);
        Granularity chosen = choice("granularity", granularity, Granularity.class);
        long buckets = IndicatorService.buckets(scope, chosen);
        if (buckets > ScopeParameters.MAX_BUCKETS) {
            throw ProblemException.badParameters(List.of(FieldError.of("granularity", "gives " + buckets + " buckets over "
                    + scope.from() + ".." + scope.to() + ": at most " + ScopeParameters.MAX_BUCKETS + "; choose a coarser one or a shorter period")));
        }
        return service.series(indicator, scope, chosen);
    }

    @GET
    @Path("{id}/units")
    @Operation(operationId = "getIndicatorRanking", summary = "The indicator for each child unit of the scope, ranked",
            description = "For each unit directly below `unit` (or each root of the tree), the indicator over that unit's own "
                    + "subtree, highest value first: each unit's position in the annual emulation ranking.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakdownResponse.class)))
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BreakdownResponse units(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("unit") String unit) {
        return service.breakdown(ScopeParameters.indicator(id), scopes.read(from, to, unit));
    }

    @GET
    @Path("{id}/dossiers")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XLSX, Problem.MEDIA_TYPE })
    @Operation(operationId = "listIndicatorDossiers", summary = "The dossiers behind a number, with what a clerk needs to act on each",
            description = "set=numerator, denominator, or gap (counted in the denominator, not in the numerator). Payment "
                    + "indicators list transactions with their dossier; procedure indicators list procedure codes; 16 and 17 units. "
                    + "A dossier row carries its procedure and unit (codes and names), its dates (submitted, received, due, result, "
                    + "withdrawn, ended, rated; paid for the paid-dossier indicator), channel, and whether it was late at the period's "
                    + "cut-off with its working days late; a transaction its dossier, procedure, unit, paid time, method, amount and "
                    + "channel. sort (a field name, '-' first for descending; default the codes' order), procedure and unitCode (rows "
                    + "of exactly that unit; `unit` takes a subtree) filter. format=csv or xlsx: the whole filtered list as a file "
                    + "(Vietnamese headings), at most 100,000 rows, else 413. Nothing personal.")
    @APIResponse(responseCode = "200", description = "One page of rows (json), or the whole list as an attachment (csv, xlsx)",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DrillDownResponse.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "csv, xlsx: the list has more than 100,000 rows; narrow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dossiers(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("unit") String unit, @QueryParam("set") @DefaultValue("numerator") String set,
            @Parameter(description = "From 0 to 100000; default 0 (json only)") @QueryParam("page") String page,
            @Parameter(description = "1 to 500; default 100 (json only)") @QueryParam("size") String size,
            @Parameter(description = "A row field to order by, '-' first for descending: dossierCode, transactionId, procedureCode, "
                    + "procedureName, unitCode, unitName, submittedAt, receivedAt, due (or dueDate), resultIssuedAt, withdrawnAt, endedAt, "
                    + "ratedAt, rating, channel, paidAt, method, amount, as the subject has them; default the codes' order",
                    example = "-due") @QueryParam("sort") String sort,
            @Parameter(description = "Only the rows of this procedure code", example = "1.005090") @QueryParam("procedure") String procedure,
            @Parameter(description = "Only the rows of exactly this unit (the unit that received the dossier)", example = "SGDDT")
            @QueryParam("unitCode") String unitCode,
            @Parameter(description = "json (default), csv or xlsx") @QueryParam("format") String format) {
        Indicator indicator = ScopeParameters.indicator(id);
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = ScopeParameters.number("page", page, 0, 0, ScopeParameters.MAX_PAGE, errors);
        int pageSize = ScopeParameters.number("size", size, 100, 1, ScopeParameters.MAX_PAGE_SIZE, errors);
        DrillRows.Query query = query(sort, procedure, unitCode, errors);
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
        Scope scope = scopes.read(from, to, unit);
        DrillSet chosen = choice("set", set, DrillSet.class);
        if (file == null) {
            return Response.ok(drills.page(indicator, scope, chosen, query, pageNumber, pageSize), MediaType.APPLICATION_JSON).build();
        }
        DrillDownService.Export export = drills.export(indicator, scope, chosen, query);
        String filename = DrillDownExport.filename(export.drill(), file);
        return Response.ok(file == ReportFormat.CSV ? DrillDownExport.csv(export) : DrillDownExport.xlsx(export), file.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8))
                .header("X-Total-Count", export.drill().total())
                .build();
    }

    /** sort, procedure and unitCode as a query; each bad one named. Whether they apply to the indicator's rows is the service's. */
    private static DrillRows.Query query(String sort, String procedure, String unitCode, List<FieldError> errors) {
        DrillRows.Sort by = null;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            String name = sort.trim();
            descending = name.startsWith("-");
            if (descending || name.startsWith("+")) {
                name = name.substring(1);
            }
            by = DrillRows.Sort.byId(name).orElse(null);
            if (by == null) {
                errors.add(FieldError.of("sort", "'" + sort + "' is not a field to sort by: one of " + java.util.Arrays.stream(DrillRows.Sort.values())
                        .map(s -> s.id).collect(java.util.stream.Collectors.joining(", ")) + " (dueDate for due), '-' first for descending"));
            }
        }
        return new DrillRows.Query(by, descending, code("procedure", procedure, errors), code("unitCode", unitCode, errors));
    }

    /** A code filter: absent when blank, 1-64 characters otherwise. */
    private static String code(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 64) {
            errors.add(FieldError.of(name, "must be a code of 1 to 64 characters"));
        }
        return value;
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "streamIndicators", summary = "Live: the indicators of the default scope as Server-Sent Events",
            description = "First every indicator of this year for every unit, then, within a second of any change, the "
                    + "indicators that changed.")
    @APIResponse(responseCode = "200", description = "An event stream of Indicators documents; it ends when the token expires")
    @APIResponse(responseCode = "429", description = "The account already holds 10 streams, or the service its maximum (1,000) in all",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<IndicatorsResponse> stream() {
        Long exp = token.getExpirationTime() == 0 ? null : token.getExpirationTime();
        return live.stream(identity.getPrincipal().getName(), exp == null ? null : Instant.ofEpochSecond(exp));
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameters(List.of(FieldError.of(name, "must be one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()))));
        }
    }
}
