package vn.edu.haiphong.dvc.dossier.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.dossier.api.OutreachEventPage;
import vn.edu.haiphong.dvc.dossier.repository.OutreachEventRepository;
import vn.edu.haiphong.dvc.dossier.repository.OutreachEventRepository.Filter;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;
import vn.edu.haiphong.dvc.dossier.service.OutreachEventService;
import vn.edu.haiphong.dvc.dossier.service.OutreachExport;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;

@Path("/api/v1/outreach-events")
@Tag(name = "Outreach events", description = "r2: broadcasts aired and sessions held (appendix rows 12 and 13 of the plan)")
@SecurityRequirement(name = "bearer")
public class OutreachEventResource {

    static final String BROADCAST_EXAMPLE = """
            { "eventId": "thpt-tp-2024-w10-1", "type": "BROADCAST_AIRED", "occurredAt": "2024-03-04T07:15:00+07:00",
              "unitCode": "THPT-TP", "title": "Hướng dẫn nộp hồ sơ chuyển trường trực tuyến", "durationSeconds": 300 }""";
    static final String SESSION_EXAMPLE = """
            { "eventId": "thpt-tp-2024-ss-3", "type": "SESSION_HELD", "occurredAt": "2024-03-08T14:00:00+07:00",
              "unitCode": "THPT-TP", "title": "Sinh hoạt chuyên đề: thanh toán trực tuyến", "audience": "TEACHERS",
              "participants": 45 }""";
    static final int MAX_PAGE = 100_000;
    static final int MAX_SIZE = 500;

    private final OutreachEventService service;
    private final OutreachEventRepository events;
    private final UnitRepository units;
    private final ObjectMapper json;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

    public OutreachEventResource(OutreachEventService service, OutreachEventRepository events, UnitRepository units, ObjectMapper json) {
        this.service = service;
        this.events = events;
        this.units = units;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INGEST, Roles.ADMIN, Roles.UNIT_REPORTER })
    @Operation(operationId = "sendOutreachEvents", summary = "Report broadcasts aired and sessions held: one event or a batch of up to 1,000",
            description = "A batch is all-or-nothing. Re-sending an event with the same eventId and content is acknowledged as a "
                    + "duplicate and changes nothing; the same eventId with other content is a 409. A unit-reporter token "
                    + "(claim `unit`) may report for that unit and the units below it only: any event for another unit "
                    + "refuses the whole batch with 403.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = "One event, or an array of 1 to 1,000 events", implementation = OutreachEvent.class),
            examples = { @ExampleObject(name = "a broadcast", value = BROADCAST_EXAMPLE),
                    @ExampleObject(name = "a session", value = SESSION_EXAMPLE) }))
    @APIResponse(responseCode = "202", description = "Accepted (stored, and queued for publishing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An eventId was used for other content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 events",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule; every failing field is named, with its batch index",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token may not report (or not for a unit of the batch, named with its index)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingest(JsonNode body) {
        return Response.accepted(service.ingest(body, reach())).build();
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, OutreachExport.XLSX, OutreachExport.CSV, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.READER, Roles.ADMIN, Roles.UNIT_REPORTER })
    @Operation(operationId = "listOutreachEvents", summary = "The broadcasts and sessions of a scope and period, newest first",
            description = "The list appendix row 13 asks for: titles, lengths and air times. In scope (the unit and every unit "
                    + "below it; default every unit, and for a unit-reporter its own unit) and period (occurredAt's date on the "
                    + "department's clock; default 1 January of this year to today). json: paged; csv (UTF-8 with a byte-order "
                    + "mark) and xlsx: every matching event, at most " + OutreachExport.MAX_ROWS + ".")
    @APIResponse(responseCode = "200", description = "The events",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutreachEventPage.class)),
                    @Content(mediaType = OutreachExport.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = OutreachExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "A bad parameter, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A unit-reporter asked for a unit out of its reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "A unit code; default every unit (a unit-reporter: its own)") @QueryParam("unit") String unit,
            @Parameter(description = "YYYY-MM-DD, default 1 January of this year") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("to") String to,
            @Parameter(description = "BROADCAST_AIRED or SESSION_HELD; default both") @QueryParam("type") String type,
            @Parameter(description = "From 0, default 0") @QueryParam("page") String page,
            @Parameter(description = "1-500, default 50") @QueryParam("size") String size,
            @Parameter(description = "json (default), csv or xlsx") @QueryParam("format") String format) {
        Set<String> reach = reach();
        String scope = blank(unit) ? (reach == null ? null : ownUnit()) : unit.strip();
        if (reach != null && !reach.contains(scope)) {
            throw ProblemException.forbidden(List.of(FieldError.of("unit", "this account may read its own unit and the units below it only")));
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        LocalDate first = date("from", from, LocalDate.of(today.getYear(), 1, 1), errors);
        LocalDate last = date("to", to, today, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(FieldError.of("to", "must not be before from"));
            } else if (!last.isBefore(first.plusYears(10))) {
                errors.add(FieldError.of("to", "must be before from plus 10 years"));
            }
        }
        OutreachEventType eventType = null;
        if (!blank(type)) {
            try {
                eventType = OutreachEventType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("type", "must be BROADCAST_AIRED or SESSION_HELD"));
            }
        }
        int pageNumber = number("page", page, 0, 0, MAX_PAGE, errors);
        int pageSize = number("size", size, 50, 1, MAX_SIZE, errors);
        String kind = blank(format) ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(kind)) {
            errors.add(FieldError.of("format", "must be one of json, csv, xlsx"));
        }
        if (scope != null && reach == null && units.existingCodes(List.of(scope)).isEmpty()) {
            errors.add(FieldError.of("unit", "'" + scope + "' is not a registered unit"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        Filter filter = new Filter(scope, first, last, eventType);
        long total = events.count(filter);
        if (kind.equals("json")) {
            List<JsonNode> items = events.page(filter, (long) pageNumber * pageSize, pageSize).stream()
                    .map(l -> read(l.payload(), JsonNode.class)).toList();
            return Response.ok(new OutreachEventPage(pageNumber, pageSize, total, items), MediaType.APPLICATION_JSON).build();
        }
        if (total > OutreachExport.MAX_ROWS) {
            throw ProblemException.badParameters(List.of(FieldError.of("to", "the period holds " + total + " events, more than the "
                    + OutreachExport.MAX_ROWS + " an export carries: choose a shorter period or a unit")));
        }
        List<OutreachExport.Row> rows = events.page(filter, 0, OutreachExport.MAX_ROWS).stream()
                .map(l -> new OutreachExport.Row(read(l.payload(), OutreachEvent.class), l.unitName())).toList();
        boolean csv = kind.equals("csv");
        String filename = "bao-cao-tuyen-truyen-" + (scope == null ? "tat-ca" : scope) + "-" + first + "-" + last + (csv ? ".csv" : ".xlsx");
        return Response.ok(csv ? OutreachExport.csv(rows) : OutreachExport.xlsx(rows), csv ? OutreachExport.CSV : OutreachExport.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8))
                .build();
    }

    /** The units the caller may act for: null for an ingest, admin or reader token; a unit-reporter's unit and those below it. */
    private Set<String> reach() {
        if (identity.hasRole(Roles.INGEST) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.READER)) {
            return null;
        }
        return service.reach(ownUnit());
    }

    /** A stored event, as it was published. */
    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored outreach event is not its JSON", e);
        }
    }

    private String ownUnit() {
        Object claim = token.getClaim(Roles.UNIT_CLAIM);
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String name, String value, LocalDate otherwise, List<FieldError> errors) {
        if (blank(value)) {
            return otherwise;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.isBefore(LocalDate.of(2000, 1, 1)) || day.getYear() > 9999) {
                errors.add(FieldError.of(name, "must be a date from 2000-01-01"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    private static int number(String name, String value, int otherwise, int min, int max, List<FieldError> errors) {
        if (blank(value)) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(FieldError.of(name, "must be a whole number from " + min + " to " + max));
        return otherwise;
    }
}
