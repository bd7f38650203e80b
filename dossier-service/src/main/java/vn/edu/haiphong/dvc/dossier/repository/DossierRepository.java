package vn.edu.haiphong.dvc.dossier.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<DossierEntity, String> {

    /**
     * Creates the dossiers not yet known, fixing their procedure and unit. A concurrent request creating
     * the same dossier waits for this one and then keeps the row that won.
     */
    public void insertIfAbsent(String code, String procedureCode, String unitCode, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                insert into dossier (code, procedure_code, unit_code, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?4)
                on conflict (code) do nothing""")
                .setParameter(1, code)
                .setParameter(2, procedureCode)
                .setParameter(3, unitCode)
                .setParameter(4, now)
                .executeUpdate();
    }

    /** Locks the dossiers, always in code order so that two batches never wait on each other in a cycle. */
    public List<DossierEntity> lockAll(Collection<String> codes) {
        return find("code in ?1", Sort.by("code"), codes)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
