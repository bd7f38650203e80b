package vn.edu.haiphong.dvc.dossier.repository;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.ingest.store.RowLocks;

@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<DossierEntity, String> {

    /** A dossier's code and the procedure and unit its first event names. */
    public record NewDossier(String code, String procedureCode, String unitCode) {
    }

    /**
     * Creates the dossiers not yet known, fixing their procedure and unit, in one statement. A concurrent
     * request creating the same dossier waits for this one and then keeps the row that won.
     */
    public void insertIfAbsent(Collection<NewDossier> dossiers, OffsetDateTime now) {
        if (dossiers.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into dossier (code, procedure_code, unit_code, created_at, updated_at)
                    select c, p, u, ?, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[]) as d(c, p, u)
                    on conflict (code) do nothing""")) {
                s.setObject(1, now);
                s.setObject(2, now);
                s.setArray(3, connection.createArrayOf("varchar", dossiers.stream().map(NewDossier::code).toArray()));
                s.setArray(4, connection.createArrayOf("varchar", dossiers.stream().map(NewDossier::procedureCode).toArray()));
                s.setArray(5, connection.createArrayOf("varchar", dossiers.stream().map(NewDossier::unitCode).toArray()));
                s.executeUpdate();
            }
        });
    }

    /** Locks the dossiers, always in code order so that two batches never wait on each other in a cycle. */
    public List<DossierEntity> lockAll(Collection<String> codes) {
        return RowLocks.lockInKeyOrder(getEntityManager(), DossierEntity.class, "dossier", "code", codes);
    }
}
