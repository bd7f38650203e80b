package vn.edu.haiphong.dvc.dossier.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;

/** r2: the outreach events, and the list of a scope's events of a period (section 8). */
@ApplicationScoped
public class OutreachEventRepository implements PanacheRepositoryBase<OutreachEventEntity, String> {

    /** The scope unit and every unit below it. */
    private static final String SCOPE = """
            with recursive scope(code) as (
                select code from unit where code = :unit
                union
                select u.code from unit u join scope s on u.parent_code = s.code)
            """;

    /** What a list selects: the scope (null: every unit), the period's days, and a type (null: both). */
    public record Filter(String unit, LocalDate from, LocalDate to, OutreachEventType type) {
    }

    /** One listed event: as published, with its unit's name. */
    public record Listed(String payload, String unitName) {
    }

    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return AcceptedEvent.storedHashes(getEntityManager(), OutreachEventEntity.class, eventIds);
    }

    public long count(Filter filter) {
        return ((Number) query(filter, "select count(*)", "").getSingleResult()).longValue();
    }

    /** Newest first (by occurredAt, then eventId). */
    @SuppressWarnings("unchecked")
    public List<Listed> page(Filter filter, long offset, int limit) {
        List<Object[]> rows = query(filter, "select e.payload, u.name",
                " order by e.occurred_at desc, e.event_id desc offset :offset limit :limit")
                .setParameter("offset", offset).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Listed((String) r[0], (String) r[1])).toList();
    }

    private Query query(Filter filter, String select, String tail) {
        StringBuilder sql = new StringBuilder(filter.unit() == null ? "" : SCOPE).append(select)
                .append(" from outreach_event e join unit u on u.code = e.unit_code where e.day between :from and :to");
        if (filter.unit() != null) {
            sql.append(" and e.unit_code in (select code from scope)");
        }
        if (filter.type() != null) {
            sql.append(" and e.type = :type");
        }
        Query q = getEntityManager().createNativeQuery(sql.append(tail).toString())
                .setParameter("from", filter.from()).setParameter("to", filter.to());
        if (filter.unit() != null) {
            q.setParameter("unit", filter.unit());
        }
        if (filter.type() != null) {
            q.setParameter("type", filter.type().name());
        }
        return q;
    }
}
