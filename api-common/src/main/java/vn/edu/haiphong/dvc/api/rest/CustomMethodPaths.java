package vn.edu.haiphong.dvc.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The contract names custom methods with a colon ({@code /api/v1/units:import}). Many HTTP clients send
 * that colon percent-encoded ({@code units%3Aimport}), which the REST router would not match: both
 * spellings are the same path, so the encoded one is routed as the plain one.
 */
@ApplicationScoped
public class CustomMethodPaths {

    void register(@Observes Router router) {
        router.route().order(-1_000).handler(CustomMethodPaths::decodeColon);
    }

    private static void decodeColon(RoutingContext rc) {
        String path = rc.request().path();
        if (path != null && path.startsWith("/api/") && (path.contains("%3A") || path.contains("%3a"))) {
            String query = rc.request().query();
            String decoded = path.replace("%3A", ":").replace("%3a", ":");
            rc.reroute(query == null ? decoded : decoded + "?" + query);
            return;
        }
        rc.next();
    }
}
