package vn.edu.haiphong.dvc.payment.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The local copy of units and procedures: what is known, and upserts from the topics or a look-up. */
@ApplicationScoped
public class ReferenceCopyRepository {

    private final EntityManager em;

    public ReferenceCopyRepository(EntityManager em) {
        this.em = em;
    }

    public Set<String> knownUnits(Collection<String> codes) {
        return new HashSet<>(em.createQuery("select u.code from UnitCopy u where u.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
    }

    public Set<String> knownProcedures(Collection<String> codes) {
        return new HashSet<>(em.createQuery("select p.code from ProcedureCopy p where p.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
    }

    public boolean unitExists(String code) {
        return em.find(UnitCopy.class, code) != null;
    }

    public void save(UnitCopy unit) {
        em.merge(unit);
    }

    public void save(ProcedureCopy procedure) {
        em.merge(procedure);
    }
}
