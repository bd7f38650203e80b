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
import vn.edu.haiphong.dvc.indicator.config.DashboardConfig;
import vn.edu.haiphong.dvc.indicator.service.Freshness;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Dashboard", description = "What the dashboard at / needs besides the indicators")
@SecurityRequirement(name = "bearer")
public class DashboardResource {

    private final Freshness freshness;
    private final DashboardConfig config;

    public DashboardResource(Freshness freshness, DashboardConfig config) {
        this.freshness = freshness;
        this.config = config;
    }

    @GET
    @Path("status")
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

    /** What the page needs to know of the system around it. */
    @Schema(name = "DashboardSettings")
    public record Settings(
            @Schema(description = "dossier-service's base URL as the browser reaches it (a school posts its outreach events there)",
                    examples = "http://localhost:8081") String dossierServiceUrl) {
    }

    @GET
    @Path("config")
    @RolesAllowed({ Roles.READER, Roles.ADMIN, Roles.UNIT_REPORTER })
    @Operation(operationId = "getDashboardConfig", summary = "Where the page reaches the other services",
            description = "dossier-service's base URL (`dvc.dashboard.dossier-service-url`, DVC_DASHBOARD_DOSSIER_SERVICE_URL, "
                    + "default http://localhost:8081), which a school's view posts its outreach events to.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token has none of reader, admin, unit-reporter")
    public Settings settings() {
        return new Settings(DashboardPageHeaders.withoutTrailingSlash(config.dossierServiceUrl()));
    }
}
