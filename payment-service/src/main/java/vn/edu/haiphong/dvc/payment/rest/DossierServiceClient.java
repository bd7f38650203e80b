package vn.edu.haiphong.dvc.payment.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;

/** dossier-service's reference-data reads (section 1 of the contract), asked when the local copy misses a code. */
@RegisterRestClient(configKey = "dossier-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface DossierServiceClient {

    @GET
    @Path("units/{code}")
    UnitRecord unit(@PathParam("code") String code, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("procedures/{code}")
    ProcedureRecord procedure(@PathParam("code") String code, @HeaderParam("Authorization") String authorization);
}
