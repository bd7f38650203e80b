package vn.edu.haiphong.dvc.dossier.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.dossier.api.PublicProgress;
import vn.edu.haiphong.dvc.dossier.service.PublicProgressService;
import vn.edu.haiphong.dvc.api.problem.Problem;

@Path("/api/v1/public/dossiers")
@Tag(name = "Public progress", description = "Tra cứu tiến độ hồ sơ: open to anyone, nothing personal")
public class PublicDossierResource {

    private final PublicProgressService service;

    public PublicDossierResource(PublicProgressService service) {
        this.service = service;
    }

    @GET
    @Path("{dossierCode}")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "getDossierProgress", summary = "Where a dossier stands", description = "No credentials needed. Procedure, unit, stage, due time and "
            + "whether the result came on time; nothing about the applicant.")
    @APIResponse(responseCode = "200", description = "The dossier's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicProgress.class)))
    @APIResponse(responseCode = "404", description = "No dossier with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicProgress progress(@PathParam("dossierCode") String dossierCode) {
        return service.progress(dossierCode);
    }
}
