package vn.edu.haiphong.dvc.dossier.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;

@ApplicationScoped
public class DossierEventRepository implements PanacheRepositoryBase<DossierEventEntity, String> {

    /** The content hash of each of these events already stored. */
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return AcceptedEvent.storedHashes(getEntityManager(), DossierEventEntity.class, eventIds);
    }

    /** The stored events of these dossiers of which a dossier may have only one (every type but RATED). */
    public List<DossierEventEntity> singleTypeEventsOf(Collection<String> dossierCodes) {
        return dossierCodes.isEmpty() ? List.of()
                : list("dossierCode in ?1 and type <> ?2", dossierCodes, DossierEventType.RATED);
    }
}
