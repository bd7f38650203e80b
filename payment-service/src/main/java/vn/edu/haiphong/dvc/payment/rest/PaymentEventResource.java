package vn.edu.haiphong.dvc.payment.rest;

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

import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.payment.service.PaymentEventService;

@Path("/api/v1/payment-events")
@Tag(name = "Payment events", description = "Payments and refunds of dossier fees (thanh toán) from the payment platform")
@SecurityRequirement(name = "bearer")
public class PaymentEventResource {

    static final String PAID_EXAMPLE = """
            { "eventId": "vnpay-000123-paid", "type": "PAID", "transactionId": "VNPAY-20240304-000123",
              "occurredAt": "2024-03-04T08:20:00+07:00", "dossierCode": "HS-2024-000123",
              "procedureCode": "1.005090", "unitCode": "SGDDT", "amount": 50000, "method": "NATIONAL_PORTAL" }""";
    static final String REFUND_EXAMPLE = """
            { "eventId": "vnpay-000123-refund", "type": "REFUNDED", "transactionId": "VNPAY-20240304-000123",
              "occurredAt": "2024-03-06T10:00:00+07:00", "dossierCode": "HS-2024-000123",
              "procedureCode": "1.005090", "unitCode": "SGDDT" }""";

    private final PaymentEventService service;

    public PaymentEventResource(PaymentEventService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGEST)
    @Operation(operationId = "sendPaymentEvents", summary = "Send one payment event or a batch of up to 1,000",
            description = "A batch is all-or-nothing. Re-sending an event with the same eventId and content is acknowledged as a "
                    + "duplicate and changes nothing. A transaction has at most one PAID and one REFUNDED event, keeps its "
                    + "dossier, procedure and unit, and a refund may arrive before its payment. Amounts are whole VND.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = "One event, or an array of 1 to 1,000 events",
                    oneOf = { PaymentEventSchema.class, PaymentEventSchema.Batch.class }), examples = {
            @ExampleObject(name = "a payment", value = PAID_EXAMPLE),
            @ExampleObject(name = "its refund", value = REFUND_EXAMPLE) }))
    @APIResponse(responseCode = "202", description = "Accepted (stored, and queued for publishing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class),
                    examples = @ExampleObject(name = "accepted", value = "{ \"accepted\": 1, \"duplicates\": 0 }")))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The eventId was used for other content, the transaction already has this "
            + "type of event, belongs to another dossier, procedure or unit, or the refund's amount is not the amount paid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 events, or a body over 4 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule; every failing field is named, with its batch index",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing method", value = """
                            { "type": "https://dvc.haiphong.edu.vn/problems/validation", "title": "Invalid request", "status": 422,
                              "detail": "1 field breaks the contract: method is required", "instance": "/api/v1/payment-events",
                              "errors": [ { "field": "method", "message": "is required" } ] }""")))
    @APIResponse(responseCode = "503", description = "A unit or procedure this service has never seen cannot be confirmed "
            + "because dossier-service is unreachable; nothing was stored, retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not ingest")
    public Response ingest(JsonNode body) {
        return Response.accepted(service.ingest(body)).build();
    }
}
