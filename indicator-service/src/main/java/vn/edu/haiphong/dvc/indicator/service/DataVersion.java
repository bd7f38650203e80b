package vn.edu.haiphong.dvc.indicator.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;

/**
 * The version of the data the indicators are computed from, as {@code data_version} holds it (the sum of its
 * shards' rows): every transaction that changes the facts, the reference data or a plan moves it, whichever instance
 * ran it.
 * Read again at most every {@code dvc.indicator.version-check} (50 ms), so that answers computed for a
 * version can be served again while it stands, at a cost of that much staleness.
 */
@ApplicationScoped
public class DataVersion {

    private final DataVersionRepository repository;
    private final long checkNanos;
    private volatile long version = -1;
    private volatile long checkedAt;
    private final AtomicBoolean reading = new AtomicBoolean();

    public DataVersion(DataVersionRepository repository,
            @ConfigProperty(name = "dvc.indicator.version-check", defaultValue = "50ms") Duration check) {
        this.repository = repository;
        this.checkNanos = check.toNanos();
    }

    /**
     * The current version, read from the database when the last reading is older than the check interval.
     * One caller reads it; the others meanwhile go on with the reading before, which is at most that much
     * older, rather than queue behind the read.
     */
    public long current() {
        if (version < 0) {
            refresh();
        } else if (System.nanoTime() - checkedAt > checkNanos && reading.compareAndSet(false, true)) {
            try {
                read();
            } finally {
                reading.set(false);
            }
        }
        return version;
    }

    /** Reads the version now: after this instance changed the data, its next answers must see it. */
    public synchronized void refresh() {
        read();
    }

    private synchronized void read() {
        version = repository.version();
        checkedAt = System.nanoTime();
    }
}
