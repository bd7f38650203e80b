package vn.edu.haiphong.dvc.payment.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.payment.api.PaymentSummary;
import vn.edu.haiphong.dvc.payment.api.PaymentView;
import vn.edu.haiphong.dvc.payment.service.PaymentQueryService;
import vn.edu.haiphong.dvc.payment.service.ReferenceData;

@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "A dossier's transactions, and the reconciliation view")
@SecurityRequirement(name = "bearer")
public class PaymentResource {

    private final PaymentQueryService queries;
    private final ReferenceData referenceData;

    public PaymentResource(PaymentQueryService queries, ReferenceData referenceData) {
        this.queries = queries;
        this.referenceData = referenceData;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "listPayments", summary = "A dossier's transactions, with their state, method and amount",
            description = "Each transaction of the dossier with its state (PAID or REFUNDED); a refunded transaction counts nowhere.")
    @APIResponse(responseCode = "200", description = "The transactions (an empty list for a dossier without payments)")
    @APIResponse(responseCode = "400", description = "dossierCode missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public List<PaymentView> ofDossier(
            @Parameter(description = "The dossier's code (mã hồ sơ)", required = true, example = "HS-2024-000123")
            @QueryParam("dossierCode") String dossierCode) {
        if (dossierCode == null || dossierCode.isBlank()) {
            throw ProblemException.badParameters(List.of(FieldError.of("dossierCode", "is required")));
        }
        return queries.ofDossier(dossierCode);
    }

    @GET
    @Path("summary")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getPaymentSummary", summary = "Reconciliation: counts and sums of payments by method over a period",
            description = "What an accountant checks against the payment platform's statement. Transactions paid in "
                    + "[from, to] (dates in UTC+07:00, both inclusive; default: 1 January of this year to today), in the "
                    + "unit and every unit below it (default: every unit).")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentSummary.class)))
    @APIResponse(responseCode = "400", description = "A malformed date, from after to, or an unknown unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public PaymentSummary summary(
            @Parameter(description = "First day, YYYY-MM-DD", example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD", example = "2024-12-31") @QueryParam("to") String to,
            @Parameter(description = "Unit code of the scope", example = "SGDDT") @QueryParam("unit") String unit) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        LocalDate start = date("from", from, LocalDate.of(today.getYear(), 1, 1), errors);
        LocalDate end = date("to", to, today, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(FieldError.of("from", "must not be after to"));
        }
        if (unit != null && !referenceData.unitExists(unit)) {
            errors.add(FieldError.of("unit", "'" + unit + "' is not a registered unit"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return queries.summary(start, end, unit);
    }

    private static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
