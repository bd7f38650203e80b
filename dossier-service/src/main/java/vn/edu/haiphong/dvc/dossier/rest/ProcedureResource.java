package vn.edu.haiphong.dvc.dossier.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import vn.edu.haiphong.dvc.dossier.api.ReferenceCodes;
import vn.edu.haiphong.dvc.dossier.api.ProcedureDto;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.dossier.service.ReferenceDataService;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.api.problem.Problem;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procedures", description = "The catalogue of administrative procedures (thủ tục hành chính)")
@SecurityRequirement(name = "bearer")
public class ProcedureResource {

    private static final String PROCEDURE_EXAMPLE = """
            { "code": "1.005090", "name": "Chuyển trường đối với học sinh trung học phổ thông",
              "field": "Giáo dục trung học", "eligibleFullyOnline": true, "providedFullyOnline": true,
              "integratedNationalPortal": true, "feeBearing": false }""";

    private final ReferenceDataService service;

    public ProcedureResource(ReferenceDataService service) {
        this.service = service;
    }

    @GET
    @Path("procedures")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "listProcedures", summary = "List every procedure, ordered by code",
            description = "The whole catalogue, not paged.")
    @APIResponse(responseCode = "200", description = "The procedures")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public List<ProcedureDto> list() {
        return service.procedures();
    }

    @GET
    @Path("procedures/{code}")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getProcedure", summary = "Read one procedure", description = "The procedure as last PUT or imported.")
    @APIResponse(responseCode = "200", description = "The procedure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProcedureDto.class),
                    examples = @ExampleObject(name = "procedure", value = PROCEDURE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No procedure with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public ProcedureDto get(@PathParam("code") String code) {
        return service.procedure(code).orElseThrow(() -> ProblemException.notFound("No procedure with code '" + code + "'"));
    }

    @PUT
    @Path("procedures/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putProcedure", summary = "Create or replace a procedure (idempotent)",
            description = "A change is published on the compacted procedures topic.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProcedureDto.class),
            examples = @ExampleObject(name = "procedure", value = PROCEDURE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProcedureDto.class)))
    @APIResponse(responseCode = "200", description = "Replaced, or already exactly so",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProcedureDto.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule (named in errors): missing flag, missing name...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public Response put(@PathParam("code") @Pattern(regexp = ReferenceCodes.PATTERN, message = ReferenceCodes.MESSAGE) String code,
            @Valid ProcedureDto body) {
        if (body == null) {
            throw ProblemException.malformed("The body is empty: a procedure object is expected");
        }
        return Upserts.response(service.putProcedure(code, body), "/api/v1/procedures/" + code);
    }
}
