package vn.edu.haiphong.dvc.indicator.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** When the dashboard calls its data stale. */
class FreshnessTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 26, 18, 0, 0, 0, ZoneOffset.ofHours(7));

    @Test
    void staleOnceNoEventCameForLongerThanTheThreshold() {
        Duration fifteen = Duration.ofMinutes(15);
        assertThat(Freshness.stale(NOW.minusMinutes(14), fifteen, NOW)).isFalse();
        assertThat(Freshness.stale(NOW.minusMinutes(15), fifteen, NOW)).isFalse();
        assertThat(Freshness.stale(NOW.minusMinutes(15).minusSeconds(1), fifteen, NOW)).isTrue();
        // Whatever the offset the time was read in.
        assertThat(Freshness.stale(NOW.minusMinutes(20).withOffsetSameInstant(ZoneOffset.UTC), fifteen, NOW)).isTrue();
    }

    @Test
    void staleWhenNoEventEverCame() {
        assertThat(Freshness.stale(null, Duration.ofHours(1), NOW)).isTrue();
    }
}
