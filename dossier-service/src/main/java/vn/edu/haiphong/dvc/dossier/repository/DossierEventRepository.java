package vn.edu.haiphong.dvc.dossier.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;

@ApplicationScoped
public class DossierEventRepository implements PanacheRepositoryBase<DossierEventEntity, String> {

    /** The content hash of each of these events already stored. */
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return AcceptedEvent.storedHashes(getEntityManager(), DossierEventEntity.class, eventIds);
    }

    /** Stores the events in one JDBC batch (see {@link AcceptedEvent#insertAll}). */
    public void insertAll(List<DossierEventEntity> rows) {
        AcceptedEvent.insertAll(getEntityManager(), DossierEventEntity.class, rows, List.of("dossier_code", "type"),
                e -> List.of(e.dossierCode, e.type));
    }

    /** A stored event's dossier, type and id. */
    public record Taken(String dossierCode, String type, String eventId) {
    }

    /**
     * The stored events of these dossiers of which a dossier may have only one (every type but the
     * {@linkplain DossierEventType#repeatable() repeatable} ones): only what the rule needs, not the events themselves.
     */
    public List<Taken> singleTypeEventsOf(Collection<String> dossierCodes) {
        if (dossierCodes.isEmpty()) {
            return List.of();
        }
        Object[] repeatable = Arrays.stream(DossierEventType.values()).filter(DossierEventType::repeatable)
                .map(DossierEventType::name).toArray();
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Taken> taken = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "select dossier_code, type, event_id from dossier_event where dossier_code = any(?) and type <> all(?)")) {
                s.setArray(1, connection.createArrayOf("varchar", dossierCodes.toArray()));
                s.setArray(2, connection.createArrayOf("varchar", repeatable));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        taken.add(new Taken(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return taken;
        });
    }
}
