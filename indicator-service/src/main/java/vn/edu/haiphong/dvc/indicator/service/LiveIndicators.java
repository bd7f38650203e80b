package vn.edu.haiphong.dvc.indicator.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.domain.Scope;

/**
 * The indicators of the default scope (this year, every unit), pushed as they change. Four times a second,
 * while anyone listens, the indicators are read once for all listeners and those that changed are
 * sent: whichever instance of the service applied an event, its change shows within a second.
 */
@ApplicationScoped
public class LiveIndicators {

    private static final Logger LOG = Logger.getLogger(LiveIndicators.class);

    private final IndicatorService indicators;
    private final BroadcastProcessor<IndicatorsResponse> changes = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    /** A quarter of a second between reads, so that a change shows within a second even with a slow read. */
    private static final Duration TICK = Duration.ofMillis(250);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-indicators");
        thread.setDaemon(true);
        return thread;
    });
    /** What the listeners were last sent (guarded by this). */
    private Map<String, IndicatorValue> last = new HashMap<>();

    public LiveIndicators(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** Every indicator now, then each change as it happens. Reads the database: call it on a worker thread. */
    public Multi<IndicatorsResponse> stream() {
        IndicatorsResponse initial = QuarkusTransaction.requiringNew().call(() -> indicators.all(defaultScope()));
        synchronized (this) {
            if (last.isEmpty()) {
                last = byId(initial);
            }
        }
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(initial), changes)
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    void start(@Observes StartupEvent event) {
        ticker.scheduleWithFixedDelay(this::publishChanges, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    void publishChanges() {
        if (listeners.get() == 0) {
            synchronized (this) {
                last = new HashMap<>();
            }
            return;
        }
        try {
            IndicatorsResponse now = QuarkusTransaction.requiringNew().call(() -> indicators.all(defaultScope()));
            List<IndicatorValue> changed;
            synchronized (this) {
                Map<String, IndicatorValue> before = last;
                changed = now.indicators().stream().filter(v -> !v.equals(before.get(v.id()))).toList();
                last = byId(now);
            }
            if (!changed.isEmpty()) {
                changes.onNext(new IndicatorsResponse(now.from(), now.to(), now.unit(), now.asOf(), changed));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the live indicators: %s", e.getMessage());
        }
    }

    private static Map<String, IndicatorValue> byId(IndicatorsResponse response) {
        Map<String, IndicatorValue> values = new HashMap<>();
        response.indicators().forEach(v -> values.put(v.id(), v));
        return values;
    }

    private static Scope defaultScope() {
        LocalDate today = LocalDate.now(FactUpdater.DEPARTMENT_OFFSET);
        return new Scope(LocalDate.of(today.getYear(), 1, 1), today, null);
    }
}
