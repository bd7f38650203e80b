package vn.edu.haiphong.dvc.indicator.service;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.domain.Scope;

/**
 * The indicators of the default scope (this year, every unit), pushed as they change. Four times a second,
 * while anyone listens, the indicators are read once for all listeners and those that changed are
 * sent: whichever instance of the service applied an event, its change shows within a second. Bounded (OWASP API4):
 * at most {@code dvc.live.max-streams-per-principal} streams per caller and {@code dvc.live.max-streams} in all (beyond:
 * 429), and a stream ends when the token that opened it expires.
 */
@ApplicationScoped
public class LiveIndicators {

    private static final Logger LOG = Logger.getLogger(LiveIndicators.class);

    private final IndicatorService indicators;
    private final BroadcastProcessor<IndicatorsResponse> snapshots = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    /** A quarter of a second between reads, so that a change shows within a second even with a slow read. */
    private static final Duration TICK = Duration.ofMillis(250);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-indicators");
        thread.setDaemon(true);
        return thread;
    });

    private final int maxPerPrincipal;
    private final int maxInAll;
    /** Streams open per principal (reserved when asked for, released when they end). */
    private final Map<String, Integer> open = new HashMap<>();
    private int openInAll;

    public LiveIndicators(IndicatorService indicators,
            @ConfigProperty(name = "dvc.live.max-streams-per-principal", defaultValue = "10") int maxPerPrincipal,
            @ConfigProperty(name = "dvc.live.max-streams", defaultValue = "1000") int maxInAll) {
        this.indicators = indicators;
        this.maxPerPrincipal = maxPerPrincipal;
        this.maxInAll = maxInAll;
    }

    /**
     * {@link #stream()} for a caller: refused (429) beyond the caps, and ended when {@code expiresAt} passes (the
     * token's {@code exp}; null: never).
     */
    public Multi<IndicatorsResponse> stream(String principal, Instant expiresAt) {
        return bounded(principal, expiresAt, this::stream);
    }

    /**
     * Any live stream of this service (the indicators', the alerts'), within the same caps: counted against the
     * principal's and the service's, released when it ends, and ended when the token that opened it expires.
     */
    public <T> Multi<T> bounded(String principal, Instant expiresAt, Supplier<Multi<T>> source) {
        reserve(principal);
        Multi<T> stream;
        try {
            stream = source.get();
        } catch (RuntimeException e) {
            release(principal);
            throw e;
        }
        if (expiresAt != null) {
            Duration left = Duration.between(Instant.now(), expiresAt);
            stream = stream.select().first(left.isNegative() ? Duration.ZERO : left);
        }
        return stream.onTermination().invoke(() -> release(principal));
    }

    private synchronized void reserve(String principal) {
        if (openInAll >= maxInAll) {
            throw ProblemException.tooMany("The service serves " + maxInAll + " live streams at most, and all are open; retry later");
        }
        int mine = open.getOrDefault(principal, 0);
        if (mine >= maxPerPrincipal) {
            throw ProblemException.tooMany("This account already has " + mine + " live streams open, the most one may hold; "
                    + "close one (a browser tab) or retry later");
        }
        open.put(principal, mine + 1);
        openInAll++;
    }

    private synchronized void release(String principal) {
        open.computeIfPresent(principal, (p, n) -> n <= 1 ? null : n - 1);
        openInAll = Math.max(0, openInAll - 1);
    }

    /**
     * Every indicator now, then each change as it happens. Each listener is sent what changed since what
     * it was last sent. Reads the database: call it on a worker thread.
     */
    public Multi<IndicatorsResponse> stream() {
        IndicatorsResponse initial = indicators.all(defaultScope());
        return Multi.createFrom().deferred(() -> {
            AtomicReference<Map<String, IndicatorValue>> sent = new AtomicReference<>(byId(initial));
            Multi<IndicatorsResponse> changes = snapshots.onItem().transformToMultiAndConcatenate(now -> {
                List<IndicatorValue> changed = changed(sent.get(), now);
                sent.set(byId(now));
                return changed.isEmpty() ? Multi.createFrom().empty()
                        : Multi.createFrom().item(new IndicatorsResponse(now.from(), now.to(), now.unit(), now.asOf(), changed));
            });
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(initial), changes);
        }).onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    void start(@Observes StartupEvent event) {
        ticker.scheduleWithFixedDelay(this::readForListeners, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    /** One read for all listeners; each keeps what differs from what it was last sent. */
    void readForListeners() {
        if (listeners.get() == 0) {
            return;
        }
        try {
            snapshots.onNext(indicators.all(defaultScope()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the live indicators: %s", e.getMessage());
        }
    }

    private static List<IndicatorValue> changed(Map<String, IndicatorValue> sent, IndicatorsResponse now) {
        return now.indicators().stream().filter(v -> !v.equals(sent.get(v.id()))).toList();
    }

    private static Map<String, IndicatorValue> byId(IndicatorsResponse response) {
        Map<String, IndicatorValue> values = new HashMap<>();
        response.indicators().forEach(v -> values.put(v.id(), v));
        return values;
    }

    private static Scope defaultScope() {
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        return new Scope(LocalDate.of(today.getYear(), 1, 1), today, null);
    }
}
