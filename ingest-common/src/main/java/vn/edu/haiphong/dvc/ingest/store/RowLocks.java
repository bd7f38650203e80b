package vn.edu.haiphong.dvc.ingest.store;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

/** Locks a batch's rows of one table by key, for the rest of the transaction. */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * The rows of {@code table} whose {@code key} column is among {@code keys}, locked always in key order, so that two
     * batches never wait on each other in a cycle. Native, with one array parameter: an HQL IN list is translated to
     * SQL again for every size of list, and a group of single-event requests has a new size almost every time.
     *
     * @param table and {@code key}: names from the code, never from input
     */
    public static <E> List<E> lockInKeyOrder(EntityManager em, Class<E> type, String table, String key, Collection<String> keys) {
        @SuppressWarnings("unchecked")
        List<E> locked = em.createNativeQuery("select * from " + table + " where " + key + " = any(?1) order by " + key + " for update", type)
                .setParameter(1, keys.toArray(String[]::new))
                .getResultList();
        return locked;
    }
}
