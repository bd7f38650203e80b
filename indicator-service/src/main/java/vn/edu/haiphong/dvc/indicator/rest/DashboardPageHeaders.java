package vn.edu.haiphong.dvc.indicator.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import vn.edu.haiphong.dvc.indicator.config.DashboardConfig;

/**
 * The security headers of the dashboard's own files (the page at /, its scripts and styles): a Content-Security-Policy
 * built from the configuration, since the page talks to dossier-service too (a school reports its outreach there) and a
 * {@code <meta>} policy can neither name a configured origin nor forbid framing.
 */
@ApplicationScoped
public class DashboardPageHeaders {

    /** Only this service's own files, and connections to it and to dossier-service; no inline script or style, no framing. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self' %s; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** r2 (issue 20): the public widget, the one page a school's website may frame. */
    static final String WIDGET = "/public/widget.html";

    private final String policy;
    private final String widgetPolicy;

    public DashboardPageHeaders(DashboardConfig config,
            @ConfigProperty(name = "dvc.public.widget-frame-ancestors", defaultValue = "*") String widgetFrameAncestors) {
        this.policy = POLICY.formatted(origin(config.dossierServiceUrl()));
        this.widgetPolicy = policy.replace("frame-ancestors 'none'", "frame-ancestors " + widgetFrameAncestors.strip());
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            // The API and /q/* answer JSON (and Swagger UI brings its own page); the headers are the dashboard's.
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                rc.response().headers().set("Content-Security-Policy", WIDGET.equals(path) ? widgetPolicy : policy)
                        .set("X-Content-Type-Options", "nosniff")
                        .set("Referrer-Policy", "no-referrer");
            }
            rc.next();
        }, 100);
    }

    /** scheme://host[:port] of a base URL: what a policy's source names. A URL without both fails the start, loudly. */
    static String origin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
                throw new IllegalStateException("dvc.dashboard.dossier-service-url must be an http(s) URL, not '" + url + "'");
            }
            return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("dvc.dashboard.dossier-service-url must be an http(s) URL, not '" + url + "'", e);
        }
    }

    /** The base URL as the page joins paths to it. */
    static String withoutTrailingSlash(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
