package vn.edu.haiphong.dvc.payment.repository;

import java.util.Collection;
import java.util.List;
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

    /** Stores the events in one JDBC batch (see {@link AcceptedEvent#insertAll}). */
    public void insertAll(List<PaymentEventEntity> rows) {
        AcceptedEvent.insertAll(getEntityManager(), PaymentEventEntity.class, rows, List.of("transaction_id", "type"),
                e -> List.of(e.transactionId, e.type));
    }
}
