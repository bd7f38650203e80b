package vn.edu.haiphong.dvc.dossier.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<ProcedureEntity, String> {

    public List<ProcedureEntity> listOrdered() {
        return listAll(Sort.by("code"));
    }

    public Set<String> existingCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select p.code from ProcedureEntity p where p.code in :codes", String.class)
                .setParameter("codes", codes)
                .getResultList());
    }
}
