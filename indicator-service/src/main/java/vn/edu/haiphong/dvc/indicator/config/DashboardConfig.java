package vn.edu.haiphong.dvc.indicator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dashboard at / (DVC_DASHBOARD_STALE_AFTER, DVC_DASHBOARD_DOSSIER_SERVICE_URL). */
@ConfigMapping(prefix = "dvc.dashboard")
public interface DashboardConfig {

    /** No event applied for this long and the dashboard warns that its numbers may be stale. */
    @WithDefault("15m")
    Duration staleAfter();

    /**
     * Where the page's browser reaches dossier-service (a school reports its outreach there): handed to the page, and
     * the one other origin its Content-Security-Policy lets it connect to (DVC_DASHBOARD_DOSSIER_SERVICE_URL).
     */
    @WithDefault("http://localhost:8081")
    String dossierServiceUrl();
}
