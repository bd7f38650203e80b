package vn.edu.haiphong.dvc.indicator.scorecard;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.indicator.repository.Jdbc;

/** The scorecard's definitions per year ({@code scorecard_definition}, migration V9), each stored as its JSON document. */
@ApplicationScoped
public class ScorecardRepository {

    /** A year's stored definition, as JSON. */
    public record StoredDefinition(int year, String definition) {
    }

    private final Jdbc jdbc;

    public ScorecardRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The definition of the latest year up to {@code year} that has one. */
    public Optional<StoredDefinition> latestUpTo(int year) {
        return jdbc.first("select year, definition from scorecard_definition where year <= ? order by year desc limit 1",
                rs -> new StoredDefinition(rs.getInt(1), rs.getString(2)), year);
    }

    /**
     * Stores a year's definition, in one statement so that two first PUTs of a year at once cannot both insert.
     *
     * @return whether the year had none of its own before (PostgreSQL: a row just inserted has no xmax)
     */
    public boolean put(int year, String definition, OffsetDateTime now) {
        return jdbc.first("""
                insert into scorecard_definition (year, definition, updated_at) values (?, ?, ?)
                on conflict (year) do update set definition = excluded.definition, updated_at = excluded.updated_at
                returning (xmax = 0)""", rs -> rs.getBoolean(1), year, definition, now).orElseThrow();
    }
}
