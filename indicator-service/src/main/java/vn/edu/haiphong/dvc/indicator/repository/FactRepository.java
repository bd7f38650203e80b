package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;

/** The facts the consumer keeps, and the record of what it has processed. */
@ApplicationScoped
public class FactRepository {

    private final EntityManager em;

    public FactRepository(EntityManager em) {
        this.em = em;
    }

    /** @return true the first time this event is seen; false for a redelivery, which must change nothing */
    public boolean markProcessed(String topic, String eventId, OffsetDateTime now) {
        return em.createNativeQuery("""
                insert into processed_event (topic, event_id, processed_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, topic)
                .setParameter(2, eventId)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** The dossier's fact, locked; created (with this procedure and unit) if it is the dossier's first event. */
    public DossierFact dossier(String dossierCode, String procedureCode, String unitCode, OffsetDateTime now) {
        DossierFact fact = em.find(DossierFact.class, dossierCode, LockModeType.PESSIMISTIC_WRITE);
        if (fact == null) {
            em.createNativeQuery("""
                    insert into dossier_fact (dossier_code, procedure_code, unit_code, updated_at) values (?1, ?2, ?3, ?4)
                    on conflict do nothing""")
                    .setParameter(1, dossierCode).setParameter(2, procedureCode).setParameter(3, unitCode).setParameter(4, now)
                    .executeUpdate();
            fact = em.find(DossierFact.class, dossierCode, LockModeType.PESSIMISTIC_WRITE);
        }
        return fact;
    }

    /** The transaction's fact, locked; created if it is the transaction's first event. */
    public PaymentFact payment(String transactionId, String dossierCode, String procedureCode, String unitCode, OffsetDateTime now) {
        PaymentFact fact = em.find(PaymentFact.class, transactionId, LockModeType.PESSIMISTIC_WRITE);
        if (fact == null) {
            em.createNativeQuery("""
                    insert into payment_fact (transaction_id, dossier_code, procedure_code, unit_code, updated_at)
                    values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, transactionId).setParameter(2, dossierCode).setParameter(3, procedureCode)
                    .setParameter(4, unitCode).setParameter(5, now)
                    .executeUpdate();
            fact = em.find(PaymentFact.class, transactionId, LockModeType.PESSIMISTIC_WRITE);
        }
        return fact;
    }

    public void save(UnitRecord unit, OffsetDateTime now) {
        em.createNativeQuery("""
                insert into unit_ref (code, name, type, parent_code, adult_population, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (code) do update set name = excluded.name, type = excluded.type, parent_code = excluded.parent_code,
                    adult_population = excluded.adult_population, updated_at = excluded.updated_at""")
                .setParameter(1, unit.code()).setParameter(2, unit.name()).setParameter(3, unit.type().name())
                .setParameter(4, unit.parentCode()).setParameter(5, unit.adultPopulation()).setParameter(6, now)
                .executeUpdate();
    }

    public void save(ProcedureRecord p, OffsetDateTime now) {
        em.createNativeQuery("""
                insert into procedure_ref (code, name, field, eligible_fully_online, provided_fully_online,
                    integrated_national_portal, fee_bearing, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (code) do update set name = excluded.name, field = excluded.field,
                    eligible_fully_online = excluded.eligible_fully_online, provided_fully_online = excluded.provided_fully_online,
                    integrated_national_portal = excluded.integrated_national_portal, fee_bearing = excluded.fee_bearing,
                    updated_at = excluded.updated_at""")
                .setParameter(1, p.code()).setParameter(2, p.name()).setParameter(3, p.field())
                .setParameter(4, p.eligibleFullyOnline()).setParameter(5, p.providedFullyOnline())
                .setParameter(6, p.integratedNationalPortal()).setParameter(7, p.feeBearing()).setParameter(8, now)
                .executeUpdate();
    }
}
