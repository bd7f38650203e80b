package vn.edu.haiphong.dvc.dossier.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<UnitEntity, String> {

    public List<UnitEntity> listOrdered() {
        return listAll(Sort.by("code"));
    }

    public Set<String> existingCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select u.code from UnitEntity u where u.code in :codes", String.class)
                .setParameter("codes", codes)
                .getResultList());
    }

    /** r2: the unit and every unit below it (a unit-reporter's reach); empty for an unknown unit. */
    @SuppressWarnings("unchecked")
    public Set<String> subtree(String code) {
        return new HashSet<>(getEntityManager().createNativeQuery("""
                with recursive tree(code) as (
                    select code from unit where code = ?1
                    union
                    select u.code from unit u join tree t on u.parent_code = t.code)
                select code from tree""").setParameter(1, code).getResultList());
    }
}
