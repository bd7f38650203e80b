package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The record of the events already counted ({@code processed_event}), by topic and event id: written in the
 * transaction that counts them, so that a redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final AgroalDataSource dataSource;

    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the events' ids. @return those seen for the first time; the others are redeliveries, to change nothing */
    public Set<String> firstSeen(String topic, Collection<String> eventIds, OffsetDateTime now) {
        Set<String> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into processed_event (topic, event_id, processed_at) select ?, id, ? from unnest(?) as id
                        on conflict do nothing returning event_id""")) {
            s.setString(1, topic);
            s.setObject(2, now);
            // In one order for every writer: two instances holding one batch (a member that lost its partitions still
            // finishing) wait for each other's ids in the same order, never crosswise.
            s.setArray(3, c.createArrayOf("varchar", new TreeSet<>(eventIds).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
