package vn.edu.haiphong.dvc.dossier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.dossier.api.ImportResult;
import vn.edu.haiphong.dvc.dossier.service.ReferenceDataService;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.api.problem.Problem;

/**
 * The CSV import of the contract's custom-method path {@code /api/v1/units:import}. Clients that
 * percent-encode the colon reach it too (see {@link CustomMethodPaths}).
 */
@Path("/api/v1/units:import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
@SecurityRequirement(name = "bearer")
public class UnitImportResource {

    private static final String CSV_EXAMPLE = """
            code,name,type,parentCode,adultPopulation,broadcastSystem
            SGDDT,Sở Giáo dục và Đào tạo Hải Phòng,DEPARTMENT,,1550000,false
            PGD-LC,Phòng Giáo dục và Đào tạo quận Lê Chân,DISTRICT_OFFICE,SGDDT,180000,false
            THPT-TP,Trường THPT Trần Phú,SCHOOL,SGDDT,,true
            """;

    private final ReferenceDataService service;

    public UnitImportResource(ReferenceDataService service) {
        this.service = service;
    }

    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importUnits", summary = "Import units from a CSV file (all or nothing)",
            description = "UTF-8, header row `code,name,type,parentCode,adultPopulation` (r2: and an optional `broadcastSystem` column, true/false). Parents may come later in the file. "
                    + "One bad row refuses the whole file; the problem lists every bad row with its number (the header is row 1).")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "units", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Imported")
    @APIResponse(responseCode = "400", description = "Not readable as CSV",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Bad rows, each with its row number and reasons",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token is not admin")
    public ImportResult importCsv(String csv) {
        return service.importUnits(csv);
    }
}
