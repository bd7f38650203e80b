package vn.edu.haiphong.dvc.dossier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.dossier.service.DossierEventService;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.api.problem.Problem;

@Path("/api/v1/dossier-events")
@Tag(name = "Dossier events", description = "Lifecycle events of dossiers (hồ sơ) from the one-stop office system")
@SecurityRequirement(name = "bearer")
public class DossierEventResource {

    static final String SUBMITTED_EXAMPLE = """
            { "eventId": "motcua-2024-000123-submitted", "type": "SUBMITTED", "occurredAt": "2024-03-04T08:15:00+07:00",
              "dossierCode": "HS-2024-000123", "procedureCode": "1.005090", "unitCode": "SGDDT",
              "channel": "ONLINE", "fullyOnline": true,
              "applicant": { "kind": "CITIZEN", "id": "031099001234", "adult": true, "vneid": true } }""";
    static final String BATCH_EXAMPLE = """
            [ { "eventId": "motcua-2024-000123-received", "type": "RECEIVED", "occurredAt": "2024-03-04T09:00:00+07:00",
                "dossierCode": "HS-2024-000123", "procedureCode": "1.005090", "unitCode": "SGDDT",
                "dueAt": "2024-03-11T17:00:00+07:00" },
              { "eventId": "motcua-2024-000123-result", "type": "RESULT_ISSUED", "occurredAt": "2024-03-08T10:30:00+07:00",
                "dossierCode": "HS-2024-000123", "procedureCode": "1.005090", "unitCode": "SGDDT", "outcome": "APPROVED" },
              { "eventId": "motcua-2024-000123-rated", "type": "RATED", "occurredAt": "2024-03-09T20:00:00+07:00",
                "dossierCode": "HS-2024-000123", "procedureCode": "1.005090", "unitCode": "SGDDT", "rating": 5 } ]""";

    static final String SUPPLEMENT_EXAMPLE = """
            [ { "eventId": "motcua-2024-000123-supplement-requested-1", "type": "SUPPLEMENT_REQUESTED",
                "occurredAt": "2024-03-05T10:00:00+07:00",
                "dossierCode": "HS-2024-000123", "procedureCode": "1.005090", "unitCode": "SGDDT" },
              { "eventId": "motcua-2024-000123-supplement-received-1", "type": "SUPPLEMENT_RECEIVED",
                "occurredAt": "2024-03-07T14:20:00+07:00",
                "dossierCode": "HS-2024-000123", "procedureCode": "1.005090", "unitCode": "SGDDT",
                "dueAt": "2024-03-14T17:00:00+07:00" } ]""";

    private final DossierEventService service;

    public DossierEventResource(DossierEventService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGEST)
    @Operation(operationId = "sendDossierEvents", summary = "Send one dossier event or a batch of up to 1,000",
            description = "A batch is all-or-nothing. Re-sending an event with the same eventId and content is acknowledged as a "
                    + "duplicate and changes nothing. Events of a dossier may arrive in any order. A dossier has at most one "
                    + "event of each type, except RATED, SUPPLEMENT_REQUESTED and SUPPLEMENT_RECEIVED. The applicant's id is "
                    + "replaced by a keyed hash before anything is stored or published.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = "One event, or an array of 1 to 1,000 events",
                    oneOf = { DossierEventSchema.class, DossierEventSchema.Batch.class }), examples = {
            @ExampleObject(name = "one SUBMITTED event", value = SUBMITTED_EXAMPLE),
            @ExampleObject(name = "a batch", value = BATCH_EXAMPLE),
            @ExampleObject(name = "a supplement requested, then received with a new appointment", value = SUPPLEMENT_EXAMPLE) }))
    @APIResponse(responseCode = "202", description = "Accepted (stored, and queued for publishing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class),
                    examples = @ExampleObject(name = "accepted", value = "{ \"accepted\": 3, \"duplicates\": 0 }")))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The eventId was used for other content, the dossier already has this "
            + "type of event (and it is not one that may repeat), or it belongs to another procedure or unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 events, or a body over 4 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule; every failing field is named, with its batch index",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "missing field", value = """
                            { "type": "https://dvc.haiphong.edu.vn/problems/validation", "title": "Invalid request", "status": 422,
                              "detail": "1 field breaks the contract: [2] applicant.adult is required",
                              "instance": "/api/v1/dossier-events",
                              "errors": [ { "index": 2, "field": "applicant.adult", "message": "is required" } ] }"""),
                            @ExampleObject(name = "new appointment before the supplement", value = """
                            { "type": "https://dvc.haiphong.edu.vn/problems/validation", "title": "Invalid request", "status": 422,
                              "detail": "1 field breaks the contract: [1] dueAt must not be before occurredAt",
                              "instance": "/api/v1/dossier-events",
                              "errors": [ { "index": 1, "field": "dueAt", "message": "must not be before occurredAt" } ] }""") }))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not ingest")
    public Response ingest(JsonNode body) {
        return Response.accepted(service.ingest(body)).build();
    }
}
