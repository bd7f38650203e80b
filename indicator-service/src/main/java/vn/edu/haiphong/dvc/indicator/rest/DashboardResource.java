package vn.edu.haiphong.dvc.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.DashboardStatus;
import vn.edu.haiphong.dvc.indicator.service.Freshness;

@Path("/api/v1/dashboard/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Dashboard", description = "What the officials' dashboard at / needs besides the indicators")
@SecurityRequirement(name = "bearer")
public class DashboardResource {

    private final Freshness freshness;

    public DashboardResource(Freshness freshness) {
        this.freshness = freshness;
    }

    @GET
    @Operation(operationId = "getDashboardStatus", summary = "How fresh the numbers are",
            description = "The time of the latest event applied (by any instance) and whether it is older than "
                    + "`dvc.dashboard.stale-after` (DVC_DASHBOARD_STALE_AFTER, default 15 minutes), on the server's clock.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DashboardStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
    public DashboardStatus status() {
        return freshness.status();
    }
}
