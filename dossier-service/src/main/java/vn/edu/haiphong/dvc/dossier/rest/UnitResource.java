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
import vn.edu.haiphong.dvc.dossier.api.UnitDto;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.dossier.service.ReferenceDataService;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.api.problem.Problem;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The department's unit tree (đơn vị)")
@SecurityRequirement(name = "bearer")
public class UnitResource {

    private static final String UNIT_EXAMPLE = """
            { "code": "SGDDT", "name": "Sở Giáo dục và Đào tạo Hải Phòng", "type": "DEPARTMENT",
              "parentCode": null, "adultPopulation": 1550000 }""";

    private final ReferenceDataService service;

    public UnitResource(ReferenceDataService service) {
        this.service = service;
    }

    @GET
    @Path("units")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "listUnits", summary = "List every unit, ordered by code",
            description = "Every unit of the tree, each with its parent's code; the whole list, not paged.")
    @APIResponse(responseCode = "200", description = "The units")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public List<UnitDto> list() {
        return service.units();
    }

    @GET
    @Path("units/{code}")
    @RolesAllowed({ Roles.READER, Roles.ADMIN })
    @Operation(operationId = "getUnit", summary = "Read one unit", description = "The unit as last PUT or imported.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class),
                    examples = @ExampleObject(name = "department", value = UNIT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public UnitDto get(@PathParam("code") String code) {
        return service.unit(code).orElseThrow(() -> ProblemException.notFound("No unit with code '" + code + "'"));
    }

    @PUT
    @Path("units/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putUnit", summary = "Create or replace a unit (idempotent)",
            description = "The parent must exist and the tree must stay free of cycles. A change is published on the compacted units topic.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class),
            examples = @ExampleObject(name = "department", value = UNIT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "200", description = "Replaced, or already exactly so",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule (named in errors): unknown parent, cycle, missing name...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public Response put(@PathParam("code") @Pattern(regexp = ReferenceCodes.PATTERN, message = ReferenceCodes.MESSAGE) String code,
            @Valid UnitDto body) {
        if (body == null) {
            throw ProblemException.malformed("The body is empty: a unit object is expected");
        }
        return Upserts.response(service.putUnit(code, body), "/api/v1/units/" + code);
    }
}
