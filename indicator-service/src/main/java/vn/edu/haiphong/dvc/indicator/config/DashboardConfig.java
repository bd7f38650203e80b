package vn.edu.haiphong.dvc.indicator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The officials' dashboard (DVC_DASHBOARD_STALE_AFTER and so on). */
@ConfigMapping(prefix = "dvc.dashboard")
public interface DashboardConfig {

    /** No event applied for this long and the dashboard warns that its numbers may be stale. */
    @WithDefault("15m")
    Duration staleAfter();
}
