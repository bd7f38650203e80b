package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;

/**
 * This service's copies of the reference data ({@code unit_ref}, {@code procedure_ref}), kept from the compacted
 * reference topics: written by the consumer, read for the unit tree, the scopes and the rankings.
 */
@ApplicationScoped
public class ReferenceCopies {

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;

    public ReferenceCopies(AgroalDataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A unit that got another parent, or arrived with one: the counters above it must follow (CounterRepository.move). */
    public record ParentChange(String unit, String oldParent) {
    }

    /**
     * Keeps the unit's copy. @return the change of parent when there is one (a known unit under another parent, or a
     * unit that arrives with a parent after facts may have named it or units below it)
     */
    public Optional<ParentChange> save(UnitRecord unit, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection()) {
            Optional<ParentChange> change;
            try (PreparedStatement s = c.prepareStatement("select parent_code from unit_ref where code = ?")) {
                s.setString(1, unit.code());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        change = unit.parentCode() == null ? Optional.empty() : Optional.of(new ParentChange(unit.code(), null));
                    } else {
                        String old = rs.getString(1);
                        change = Objects.equals(old, unit.parentCode()) ? Optional.empty() : Optional.of(new ParentChange(unit.code(), old));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into unit_ref (code, name, type, parent_code, adult_population, broadcast_system, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, type = excluded.type, parent_code = excluded.parent_code,
                        adult_population = excluded.adult_population, broadcast_system = excluded.broadcast_system,
                        updated_at = excluded.updated_at""")) {
                s.setString(1, unit.code());
                s.setString(2, unit.name());
                s.setString(3, unit.type().name());
                s.setString(4, unit.parentCode());
                s.setObject(5, unit.adultPopulation(), Types.BIGINT);
                s.setBoolean(6, unit.broadcastSystem());
                s.setObject(7, now);
                s.executeUpdate();
            }
            return change;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void save(ProcedureRecord p, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into procedure_ref (code, name, field, eligible_fully_online, provided_fully_online,
                            integrated_national_portal, fee_bearing, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set name = excluded.name, field = excluded.field,
                            eligible_fully_online = excluded.eligible_fully_online,
                            provided_fully_online = excluded.provided_fully_online,
                            integrated_national_portal = excluded.integrated_national_portal,
                            fee_bearing = excluded.fee_bearing, updated_at = excluded.updated_at""")) {
            s.setString(1, p.code());
            s.setString(2, p.name());
            s.setString(3, p.field());
            s.setBoolean(4, p.eligibleFullyOnline());
            s.setBoolean(5, p.providedFullyOnline());
            s.setBoolean(6, p.integratedNationalPortal());
            s.setBoolean(7, p.feeBearing());
            s.setObject(8, now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every unit, parents before their children (depth-first, siblings by code): a tree read top to bottom. */
    public List<UnitDto> tree() {
        return jdbc.list("""
                with recursive walk (code, name, type, parent_code, path) as (
                    select code, name, type, parent_code, array[code::text] from unit_ref where parent_code is null
                    union all
                    select u.code, u.name, u.type, u.parent_code, w.path || u.code::text
                    from unit_ref u join walk w on u.parent_code = w.code
                )
                select code, name, type, parent_code from walk order by path""", ReferenceCopies::unit);
    }

    public Optional<UnitDto> unit(String code) {
        return jdbc.first("select code, name, type, parent_code from unit_ref where code = ?", ReferenceCopies::unit, code);
    }

    /** The units right below {@code parent} (the roots for null), by code. */
    public List<UnitDto> children(String parent) {
        return parent == null
                ? jdbc.list("select code, name, type, parent_code from unit_ref where parent_code is null order by code", ReferenceCopies::unit)
                : jdbc.list("select code, name, type, parent_code from unit_ref where parent_code = ? order by code", ReferenceCopies::unit,
                        parent);
    }

    private static UnitDto unit(ResultSet rs) throws SQLException {
        return new UnitDto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
}
