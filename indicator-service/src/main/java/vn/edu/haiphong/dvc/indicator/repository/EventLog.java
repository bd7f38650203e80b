package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;

/**
 * Every dossier event counted, with its non-personal fields ({@code dossier_event_log}): a dossier's timeline. The
 * applicant is never written here, not even its hash. Every payment event counted ({@code payment_event_log}), with
 * when: what names the late payments of a closed report.
 */
@ApplicationScoped
public class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    public EventLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends the events, inside the transaction that counts them (each once: the caller skips redeliveries). */
    public void append(List<DossierEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into dossier_event_log (dossier_code, event_id, type, occurred_at, details)"
                        + " values (?, ?, ?, ?, ?::jsonb) on conflict do nothing")) {
            for (DossierEvent e : events) {
                s.setString(1, e.dossierCode());
                s.setString(2, e.eventId());
                s.setString(3, e.type().name());
                s.setObject(4, e.occurredAt());
                s.setString(5, details(e));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the payment events, inside the transaction that counts them (each once). */
    public void appendPayments(List<PaymentEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into payment_event_log (transaction_id, event_id, type, occurred_at)"
                        + " values (?, ?, ?, ?) on conflict do nothing")) {
            for (PaymentEvent e : events) {
                s.setString(1, e.transactionId());
                s.setString(2, e.eventId());
                s.setString(3, e.type().name());
                s.setObject(4, e.occurredAt());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields of its type that say nothing about the applicant. */
    static String details(DossierEvent e) {
        ObjectNode o = JSON.createObjectNode();
        if (e.channel() != null) {
            o.put("channel", e.channel().name());
        }
        if (e.fullyOnline() != null) {
            o.put("fullyOnline", e.fullyOnline());
        }
        if (e.dueAt() != null) {
            o.put("dueAt", e.dueAt().toString());
        }
        if (e.outcome() != null) {
            o.put("outcome", e.outcome().name());
        }
        if (e.rating() != null) {
            o.put("rating", e.rating());
        }
        return o.toString();
    }
}
