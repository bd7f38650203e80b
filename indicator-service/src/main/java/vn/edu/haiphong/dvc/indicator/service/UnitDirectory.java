package vn.edu.haiphong.dvc.indicator.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.edu.haiphong.dvc.indicator.api.UnitDto;

/** The unit tree as this service holds it (table unit_ref, fed from the reference topic). */
@ApplicationScoped
public class UnitDirectory {

    private final EntityManager em;

    public UnitDirectory(EntityManager em) {
        this.em = em;
    }

    /** Every unit, parents before their children (depth-first, siblings by code): a tree read top to bottom. */
    public List<UnitDto> tree() {
        List<?> rows = em.createNativeQuery("""
                with recursive walk (code, name, type, parent_code, path) as (
                    select code, name, type, parent_code, array[code::text] from unit_ref where parent_code is null
                    union all
                    select u.code, u.name, u.type, u.parent_code, w.path || u.code::text
                    from unit_ref u join walk w on u.parent_code = w.code
                )
                select code, name, type, parent_code from walk order by path""").getResultList();
        return rows.stream().map(UnitDirectory::fromRow).toList();
    }

    public Optional<UnitDto> unit(String code) {
        List<?> rows = em.createNativeQuery("select code, name, type, parent_code from unit_ref where code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(UnitDirectory::fromRow);
    }

    private static UnitDto fromRow(Object row) {
        Object[] r = (Object[]) row;
        return new UnitDto((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
    }
}
