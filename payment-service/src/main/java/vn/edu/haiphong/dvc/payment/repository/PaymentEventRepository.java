package vn.edu.haiphong.dvc.payment.repository;

import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;

@ApplicationScoped
public class PaymentEventRepository implements PanacheRepositoryBase<PaymentEventEntity, String> {

    /** The content hash of each of these events already stored. */
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return AcceptedEvent.storedHashes(getEntityManager(), PaymentEventEntity.class, eventIds);
    }
}
