package vn.edu.haiphong.dvc.dossier.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.contract.DossierEventType;

@ApplicationScoped
public class DossierEventRepository implements PanacheRepositoryBase<DossierEventEntity, String> {

    /** The content hash of each of these events already stored. */
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select e.eventId, e.contentHash from DossierEventEntity e where e.eventId in :ids", Object[].class)
                .setParameter("ids", eventIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    /** The stored events of these dossiers of which a dossier may have only one (every type but RATED). */
    public List<DossierEventEntity> singleTypeEventsOf(Collection<String> dossierCodes) {
        return dossierCodes.isEmpty() ? List.of()
                : list("dossierCode in ?1 and type <> ?2", dossierCodes, DossierEventType.RATED);
    }
}
