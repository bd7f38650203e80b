package vn.edu.haiphong.dvc.payment.repository;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.edu.haiphong.dvc.ingest.store.RowLocks;

@ApplicationScoped
public class TransactionRepository implements PanacheRepositoryBase<PaymentTransaction, String> {

    /** A transaction's id and the dossier, procedure and unit its first event names. */
    public record NewTransaction(String transactionId, String dossierCode, String procedureCode, String unitCode) {
    }

    /**
     * Creates the transactions that are new, fixing their dossier, procedure and unit, in one statement. A
     * concurrent request creating the same transaction waits for this one and then keeps the row that won.
     */
    public void insertIfAbsent(Collection<NewTransaction> transactions, OffsetDateTime now) {
        if (transactions.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into payment_transaction (transaction_id, dossier_code, procedure_code, unit_code, created_at, updated_at)
                    select t, d, p, u, ?, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as x(t, d, p, u)
                    on conflict (transaction_id) do nothing""")) {
                s.setObject(1, now);
                s.setObject(2, now);
                s.setArray(3, connection.createArrayOf("varchar", transactions.stream().map(NewTransaction::transactionId).toArray()));
                s.setArray(4, connection.createArrayOf("varchar", transactions.stream().map(NewTransaction::dossierCode).toArray()));
                s.setArray(5, connection.createArrayOf("varchar", transactions.stream().map(NewTransaction::procedureCode).toArray()));
                s.setArray(6, connection.createArrayOf("varchar", transactions.stream().map(NewTransaction::unitCode).toArray()));
                s.executeUpdate();
            }
        });
    }

    /** Locks the transactions, always in id order so that two batches never wait on each other in a cycle. */
    public List<PaymentTransaction> lockAll(Collection<String> transactionIds) {
        return RowLocks.lockInKeyOrder(getEntityManager(), PaymentTransaction.class, "payment_transaction", "transaction_id", transactionIds);
    }

    public List<PaymentTransaction> ofDossier(String dossierCode) {
        return list("dossierCode", Sort.by("paidAt").and("transactionId"), dossierCode);
    }
}
