package vn.edu.haiphong.dvc.payment.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TransactionRepository implements PanacheRepositoryBase<PaymentTransaction, String> {

    /**
     * Creates the transaction if it is new, fixing its dossier, procedure and unit. A concurrent request
     * creating the same transaction waits for this one and then keeps the row that won.
     */
    public void insertIfAbsent(String transactionId, String dossierCode, String procedureCode, String unitCode,
            OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                insert into payment_transaction (transaction_id, dossier_code, procedure_code, unit_code, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?5)
                on conflict (transaction_id) do nothing""")
                .setParameter(1, transactionId)
                .setParameter(2, dossierCode)
                .setParameter(3, procedureCode)
                .setParameter(4, unitCode)
                .setParameter(5, now)
                .executeUpdate();
    }

    /** Locks the transactions, always in id order so that two batches never wait on each other in a cycle. */
    public List<PaymentTransaction> lockAll(Collection<String> transactionIds) {
        return find("transactionId in ?1", Sort.by("transactionId"), transactionIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<PaymentTransaction> ofDossier(String dossierCode) {
        return list("dossierCode", Sort.by("paidAt").and("transactionId"), dossierCode);
    }
}
