package vn.edu.haiphong.dvc.indicator.service;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.AlertDto;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierSummary;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.repository.Alerts;
import vn.edu.haiphong.dvc.indicator.repository.Alerts.Condition;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/**
 * r2 (issue 20): a unit falling behind. Every {@code dvc.alerts.check-every}, the department (each root of the tree) and
 * its districts (the units directly below) are read over the year to date: an indicator with a target that is not met,
 * and more dossiers overdue than {@code dvc.alerts.overdue-threshold}. An alert is raised when a condition is crossed
 * (and again when it is left), once, by whichever instance checks first; the feed keeps them, and the webhook, if
 * configured, receives each one signed (HMAC-SHA-256), until its receiver answers 2xx.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    /** The header that carries the signature: sha256= and the lowercase hex HMAC-SHA-256 of the body under the secret. */
    public static final String SIGNATURE = "X-DVC-Signature";
    private static final int DELIVERIES_PER_ROUND = 20;

    private final IndicatorService indicators;
    private final OpenDossierService open;
    private final ReferenceCopies references;
    private final Alerts alerts;
    private final ObjectMapper json;
    private final boolean enabled;
    private final long overdueThreshold;
    private final Optional<String> webhookUrl;
    private final Optional<String> webhookSecret;
    /** A year gone by to watch instead of this one (1 January to 31 December): checking a closed year, or a test's data. */
    private final Optional<Integer> year;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AlertService(IndicatorService indicators, OpenDossierService open, ReferenceCopies references, Alerts alerts, ObjectMapper json,
            @ConfigProperty(name = "dvc.alerts.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "dvc.alerts.overdue-threshold", defaultValue = "10") long overdueThreshold,
            @ConfigProperty(name = "dvc.alerts.webhook-url") Optional<String> webhookUrl,
            @ConfigProperty(name = "dvc.alerts.webhook-secret") Optional<String> webhookSecret,
            @ConfigProperty(name = "dvc.alerts.year") Optional<Integer> year) {
        this.year = year;
        this.indicators = indicators;
        this.open = open;
        this.references = references;
        this.alerts = alerts;
        this.json = json;
        this.enabled = enabled;
        this.overdueThreshold = overdueThreshold;
        this.webhookUrl = webhookUrl.filter(u -> !u.isBlank());
        this.webhookSecret = webhookSecret.filter(s -> !s.isBlank());
    }

    /** A webhook without a secret would send alerts anyone could forge: the service does not start so. */
    void check(@Observes StartupEvent event) {
        if (webhookUrl.isPresent() && (webhookSecret.isEmpty() || webhookSecret.get().getBytes(StandardCharsets.UTF_8).length < 32)) {
            throw new IllegalStateException("dvc.alerts.webhook-url is set: dvc.alerts.webhook-secret must be set too, at least 32 bytes");
        }
    }

    /** One reading of every condition, the crossings raised as alerts. */
    @Scheduled(every = "${dvc.alerts.check-every}", delayed = "${dvc.alerts.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkNow() {
        if (!enabled) {
            return;
        }
        try {
            checkOnce();
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the alerts: %s", e.getMessage());
        }
    }

    /** A reading made outside any transaction (the readers' pool), then the crossings written in one. */
    public void checkOnce() {
        LocalDate day = DepartmentTime.today(Clock.systemUTC());
        LocalDate from = LocalDate.of(year.orElse(day.getYear()), 1, 1);
        LocalDate today = from.getYear() == day.getYear() ? day : LocalDate.of(from.getYear(), 12, 31);
        List<Reading> readings = new ArrayList<>();
        for (UnitDto root : references.children(null)) {
            List<UnitDto> units = new ArrayList<>();
            units.add(root);
            units.addAll(references.children(root.code()));
            for (UnitDto unit : units) {
                for (IndicatorValue v : indicators.all(new Scope(from, today, unit.code())).indicators()) {
                    if (v.target() != null && v.met() != null) {
                        readings.add(new Reading(new Condition(unit.code(), "TARGET", v.id()), unit.name(), !v.met(), v.value(), v.target()));
                    }
                }
            }
            OpenDossierSummary summary = open.summary(root.code(), OpenDossierService.DEFAULT_WITHIN);
            readings.add(overdue(root.code(), root.name(), summary.counts().overdue()));
            for (OpenDossierSummary.UnitCounts child : summary.units()) {
                readings.add(overdue(child.code(), child.name(), child.counts().overdue()));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!alerts.lockForChecking()) {
                return;
            }
            Map<Condition, Boolean> before = alerts.states();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Reading r : readings) {
                Boolean was = before.get(r.condition());
                if (was != null && was == r.alerting()) {
                    continue;
                }
                alerts.state(r.condition(), r.alerting(), now);
                // First reading of a condition: an alert only if it is alerting (nothing was crossed back).
                if (r.alerting() || was != null) {
                    alerts.raise(r.condition().unit(), r.unitName(), type(r.condition().kind(), r.alerting()), r.condition().subject(),
                            r.value(), r.target(), from, today);
                }
            }
        });
    }

    private Reading overdue(String unit, String name, long overdue) {
        return new Reading(new Condition(unit, "OVERDUE", "overdue"), name, overdue > overdueThreshold, BigDecimal.valueOf(overdue),
                BigDecimal.valueOf(overdueThreshold));
    }

    private static String type(String kind, boolean alerting) {
        if ("TARGET".equals(kind)) {
            return alerting ? "BELOW_TARGET" : "BACK_ON_TARGET";
        }
        return alerting ? "OVERDUE_ABOVE_THRESHOLD" : "OVERDUE_BACK_UNDER";
    }

    private record Reading(Condition condition, String unitName, boolean alerting, BigDecimal value, BigDecimal target) {
    }

    /** Sends the alerts the webhook has not had yet, oldest first; one that fails is tried again next round. */
    @Scheduled(every = "${dvc.alerts.deliver-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverNow() {
        if (webhookUrl.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                for (Alerts.Row row : alerts.undelivered(DELIVERIES_PER_ROUND)) {
                    String failure = send(dto(row));
                    if (failure == null) {
                        alerts.delivered(row.id(), OffsetDateTime.now(ZoneOffset.UTC));
                    } else {
                        alerts.failed(row.id(), failure);
                        break;
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not deliver the alerts: %s", e.getMessage());
        }
    }

    /** null when the receiver took it (2xx); otherwise why not. */
    private String send(AlertDto alert) {
        try {
            byte[] body = json.writeValueAsBytes(alert);
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl.get())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("X-DVC-Alert-Id", Long.toString(alert.id()))
                    .header(SIGNATURE, "sha256=" + sign(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "the receiver answered " + status;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.io.IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The hex HMAC-SHA-256 of the body under the webhook's secret: what the receiver computes to trust the body. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The feed, newest first. */
    public List<AlertDto> feed(String unit, long after, int limit) {
        return alerts.feed(unit, after, limit).stream().map(AlertService::dto).toList();
    }

    static AlertDto dto(Alerts.Row r) {
        return new AlertDto(r.id(), r.raisedAt().withOffsetSameInstant(DepartmentTime.OFFSET), r.unit(), r.unitName(), r.type(), r.subject(),
                r.value(), r.target(), r.from(), r.to(), message(r));
    }

    private static IndicatorValue.Label message(Alerts.Row r) {
        String value = r.value() == null ? "—" : r.value().stripTrailingZeros().toPlainString();
        String target = r.target() == null ? "—" : r.target().stripTrailingZeros().toPlainString();
        return switch (r.type()) {
            case "BELOW_TARGET" -> new IndicatorValue.Label(r.unitName() + ": " + r.subject() + " " + value + "% dưới chỉ tiêu " + target + "%",
                    r.unitName() + ": " + r.subject() + " at " + value + "%, below its target of " + target + "%");
            case "BACK_ON_TARGET" -> new IndicatorValue.Label(r.unitName() + ": " + r.subject() + " " + value + "% đã đạt chỉ tiêu " + target + "%",
                    r.unitName() + ": " + r.subject() + " back at " + value + "%, meeting its target of " + target + "%");
            case "OVERDUE_ABOVE_THRESHOLD" -> new IndicatorValue.Label(r.unitName() + ": " + value + " hồ sơ quá hạn, vượt ngưỡng " + target,
                    r.unitName() + ": " + value + " dossiers overdue, above the threshold of " + target);
            default -> new IndicatorValue.Label(r.unitName() + ": " + value + " hồ sơ quá hạn, không còn vượt ngưỡng " + target,
                    r.unitName() + ": " + value + " dossiers overdue, no longer above the threshold of " + target);
        };
    }
}
