package vn.edu.haiphong.dvc.indicator.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * The version of the data the indicators are computed from, as {@code data_version} holds it: every
 * transaction that changes the facts, the reference data or a plan moves it, whichever instance ran it.
 * Read again at most every {@code dvc.indicator.version-check} (50 ms), so that answers computed for a
 * version can be served again while it stands, at a cost of that much staleness.
 */
@ApplicationScoped
public class DataVersion {

    private final AgroalDataSource dataSource;
    private final long checkNanos;
    private volatile long version = -1;
    private volatile long checkedAt;

    public DataVersion(AgroalDataSource dataSource,
            @ConfigProperty(name = "dvc.indicator.version-check", defaultValue = "50ms") Duration check) {
        this.dataSource = dataSource;
        this.checkNanos = check.toNanos();
    }

    /** The current version, read from the database when the last reading is older than the check interval. */
    public long current() {
        if (version < 0 || System.nanoTime() - checkedAt > checkNanos) {
            synchronized (this) {
                if (version < 0 || System.nanoTime() - checkedAt > checkNanos) {
                    read();
                }
            }
        }
        return version;
    }

    /** Reads the version now: after this instance changed the data, its next answers must see it. */
    public synchronized void refresh() {
        read();
    }

    private void read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select version from data_version where id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
            checkedAt = System.nanoTime();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data version", e);
        }
    }
}
