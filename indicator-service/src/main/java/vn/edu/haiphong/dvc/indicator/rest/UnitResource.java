package vn.edu.haiphong.dvc.indicator.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.service.UnitDirectory;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Units", description = "The unit tree the indicators are scoped by (read-only copy of dossier-service's)")
@SecurityRequirement(name = "bearer")
public class UnitResource {

    private final UnitDirectory units;

    public UnitResource(UnitDirectory units) {
        this.units = units;
    }

    @GET
    @Operation(operationId = "listUnits", summary = "Every unit, parents before their children",
            description = "Depth-first, siblings by code: a unit picker can show the tree by reading the list top to bottom. "
                    + "Any code here is a valid `unit` for the indicators and the reports.")
    @APIResponse(responseCode = "200", description = "The units",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = UnitDto.class),
                    examples = @ExampleObject(name = "a department and a district office", value = """
                            [ { "code": "SGDDT", "name": "Sở Giáo dục và Đào tạo Hải Phòng", "type": "DEPARTMENT", "parentCode": null },
                              { "code": "PGD-LC", "name": "Phòng GDĐT quận Lê Chân", "type": "DISTRICT_OFFICE", "parentCode": "SGDDT" } ]""")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public List<UnitDto> list() {
        return units.tree();
    }
}
