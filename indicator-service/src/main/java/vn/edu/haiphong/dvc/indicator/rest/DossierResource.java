package vn.edu.haiphong.dvc.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.DossierTimeline;
import vn.edu.haiphong.dvc.indicator.service.OpenDossierService;

@Path("/api/v1/dossiers/{dossierCode}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Open dossiers")
@SecurityRequirement(name = "bearer")
public class DossierResource {

    private final OpenDossierService service;

    public DossierResource(OpenDossierService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getDossierTimeline", summary = "One dossier's timeline as this service knows it",
            description = "Its procedure and unit, its state now (waiting, overdue, due-soon, on-track with within = 2; "
                    + "result-issued or withdrawn, whichever ended it first; not-received), its due, its events by occurredAt then "
                    + "eventId with their non-personal fields, and its payments. Nothing personal: no applicant.")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierTimeline.class)))
    @APIResponse(responseCode = "404", description = "No event of this dossier has been counted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public DossierTimeline get(@Parameter(example = "HS-2024-000123") @PathParam("dossierCode") String dossierCode) {
        return service.timeline(dossierCode).orElseThrow(() -> ProblemException.notFound("No dossier '" + dossierCode + "'"));
    }
}
