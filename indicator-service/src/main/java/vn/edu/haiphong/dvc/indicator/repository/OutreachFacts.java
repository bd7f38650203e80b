package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.indicator.domain.SchoolWeeks;

/**
 * r2: the outreach events (table {@code outreach_fact}), one row per event, kept as dossier-service published them: the
 * broadcasts of weekly-broadcasts, the sessions of schools-with-outreach-sessions. An event is its own fact, so a
 * redelivered one finds its row and changes nothing, whatever the order of arrival.
 */
@ApplicationScoped
public class OutreachFacts {

    private final AgroalDataSource dataSource;

    public OutreachFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the events not kept before. @return how many were new */
    public int save(Collection<OutreachEvent> events, OffsetDateTime now) {
        if (events.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into outreach_fact (event_id, type, unit_code, occurred_at, day, week, title, duration_seconds,
                            audience, participants, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id) do nothing""")) {
            for (OutreachEvent e : events) {
                LocalDate day = DepartmentTime.dayOf(e.occurredAt());
                s.setString(1, e.eventId());
                s.setString(2, e.type().name());
                s.setString(3, e.unitCode());
                s.setObject(4, e.occurredAt());
                s.setObject(5, day);
                s.setObject(6, SchoolWeeks.mondayOf(day));
                s.setString(7, e.title());
                s.setObject(8, e.durationSeconds(), Types.INTEGER);
                s.setString(9, e.audience() == null ? null : e.audience().name());
                s.setObject(10, e.participants(), Types.INTEGER);
                s.setObject(11, now);
                s.addBatch();
            }
            int added = 0;
            for (int n : s.executeBatch()) {
                added += n > 0 || n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
