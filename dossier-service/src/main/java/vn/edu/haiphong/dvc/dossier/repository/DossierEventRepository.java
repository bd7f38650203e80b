package vn.edu.haiphong.dvc.dossier.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.contract.DossierEventType;

@ApplicationScoped
public class DossierEventRepository implements PanacheRepositoryBase<DossierEventEntity, String> {

    public List<DossierEventEntity> findByIds(Collection<String> eventIds) {
        return eventIds.isEmpty() ? List.of() : list("eventId in ?1", eventIds);
    }

    /** The stored events of these dossiers of which a dossier may have only one (every type but RATED). */
    public List<DossierEventEntity> singleTypeEventsOf(Collection<String> dossierCodes) {
        return dossierCodes.isEmpty() ? List.of()
                : list("dossierCode in ?1 and type <> ?2", dossierCodes, DossierEventType.RATED);
    }
}
