package vn.edu.haiphong.dvc.indicator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.Problem;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.indicator.api.AlertDto;
import vn.edu.haiphong.dvc.indicator.service.AlertService;
import vn.edu.haiphong.dvc.indicator.service.LiveIndicators;

@Path("/api/v1/alerts")
@RolesAllowed({ Roles.READER, Roles.ADMIN })
@Tag(name = "Alerts", description = "r2: units falling behind: an indicator below its target, too many dossiers overdue")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "The token has neither reader nor admin")
public class AlertResource {

    /** How often a stream looks for new alerts. */
    private static final Duration POLL = Duration.ofSeconds(2);

    private final AlertService alerts;
    private final LiveIndicators live;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public AlertResource(AlertService alerts, LiveIndicators live, SecurityIdentity identity, JsonWebToken token) {
        this.alerts = alerts;
        this.live = live;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAlerts", summary = "r2: the alert feed, newest first",
            description = "The department and each district are checked every dvc.alerts.check-every over the year to date. An alert is "
                    + "raised when an indicator with a target goes below it (BELOW_TARGET) or back (BACK_ON_TARGET), and when a unit's "
                    + "dossiers overdue go above dvc.alerts.overdue-threshold (OVERDUE_ABOVE_THRESHOLD) or back (OVERDUE_BACK_UNDER).")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AlertDto.class)))
    @APIResponse(responseCode = "400", description = "A bad after or limit, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AlertDto> list(@Parameter(description = "One unit's; default every unit's", example = "PGD-LC") @QueryParam("unit") String unit,
            @Parameter(description = "Only those with a greater id", example = "0") @QueryParam("after") String after,
            @Parameter(description = "1-500, default 100", example = "100") @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int afterId = ScopeParameters.number("after", after, 0, 0, Integer.MAX_VALUE, errors);
        int max = ScopeParameters.number("limit", limit, 100, 1, 500, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return alerts.feed(unit == null || unit.isBlank() ? null : unit, afterId, max);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "streamAlerts", summary = "r2: live: each new alert as a Server-Sent Event",
            description = "The alerts raised after the stream opens, within seconds; counted with the indicators' streams against the "
                    + "same caps, and ended when the token expires.")
    @APIResponse(responseCode = "200", description = "An event stream of Alert documents")
    @APIResponse(responseCode = "429", description = "The account or the service holds as many live streams as allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<AlertDto> stream() {
        Long exp = token.getExpirationTime() == 0 ? null : token.getExpirationTime();
        List<AlertDto> latest = alerts.feed(null, 0, 1);
        AtomicLong seen = new AtomicLong(latest.isEmpty() ? 0 : latest.get(0).id());
        return live.bounded(identity.getPrincipal().getName(), exp == null ? null : Instant.ofEpochSecond(exp),
                () -> Multi.createFrom().ticks().every(POLL).emitOn(Infrastructure.getDefaultWorkerPool())
                        .onOverflow().drop()
                        .concatMap(tick -> {
                            List<AlertDto> fresh = new ArrayList<>(alerts.feed(null, seen.get(), 500));
                            Collections.reverse(fresh);
                            if (!fresh.isEmpty()) {
                                seen.set(fresh.get(fresh.size() - 1).id());
                            }
                            return Multi.createFrom().iterable(fresh);
                        }));
    }
}
