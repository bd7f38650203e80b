package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.indicator.repository.Jdbc.Sql;

/** A unit's own broadcasts per week ({@code outreach_fact}), and where a unit stands in the tree ({@code unit_ref}). */
@ApplicationScoped
public class OutreachWeekQueries {

    /** A unit as the outreach views need it. */
    public record Unit(String code, String name, boolean broadcastSystem) {
    }

    private final Jdbc jdbc;

    public OutreachWeekQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> unit(String code) {
        return jdbc.first("select code, name, broadcast_system from unit_ref where code = ?",
                rs -> new Unit(rs.getString(1), rs.getString(2), rs.getBoolean(3)), code);
    }

    /** Whether {@code unit} is {@code top} or below it, as the tree stands now ({@link IndicatorQueries#SCOPE_CTE}). */
    public boolean within(String unit, String top) {
        return jdbc.number(new Sql().add(IndicatorQueries.SCOPE_CTE, top).add("select count(*) from scope where code = ?", unit)) > 0;
    }

    /** The unit's own BROADCAST_AIRED events per week (its Monday), over the days [from, to]: one indexed range. */
    public Map<LocalDate, Long> broadcastsPerWeek(String unit, LocalDate from, LocalDate to) {
        return jdbc.list("select week, count(*) from outreach_fact where unit_code = ? and type = ? and day between ? and ? group by week",
                rs -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)), unit, OutreachEventType.BROADCAST_AIRED.name(), from, to)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
