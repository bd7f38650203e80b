package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.indicator.domain.DossierFact;
import vn.edu.haiphong.dvc.indicator.domain.Fact;
import vn.edu.haiphong.dvc.indicator.domain.PaymentFact;
import vn.edu.haiphong.dvc.indicator.domain.Processing;

/**
 * The facts the consumer keeps ({@code dossier_fact}, {@code payment_fact}), locked, read and written a batch at a
 * time: a few statements per batch, not per event. Must be called inside the batch's transaction.
 */
@ApplicationScoped
public class FactRepository {

    /** A fact's identity and the dossier, procedure and unit that its first event names. */
    public record Key(String id, String dossierCode, String procedureCode, String unitCode) {
    }

    /** The facts of one kind: how its events name them, and how they are locked and written back. */
    public static final class Table<E, F extends Fact<E>> {

        private final Function<E, Key> key;
        private final BiFunction<Collection<Key>, OffsetDateTime, Map<String, F>> lock;
        private final Consumer<Collection<F>> save;

        private Table(Function<E, Key> key, BiFunction<Collection<Key>, OffsetDateTime, Map<String, F>> lock,
                Consumer<Collection<F>> save) {
            this.key = key;
            this.lock = lock;
            this.save = save;
        }

        /** The fact an event is about, with what its first event fixes. */
        public Key key(E event) {
            return key.apply(event);
        }

        /** The facts by id, locked until the transaction ends; those not yet known are created from their key. */
        public Map<String, F> lock(Collection<Key> keys, OffsetDateTime now) {
            return lock.apply(keys, now);
        }

        /** Writes the facts back, one batched statement for all of them. */
        public void save(Collection<F> facts) {
            save.accept(facts);
        }
    }

    private final Table<DossierEvent, DossierFact> dossiers = new Table<>(
            e -> new Key(e.dossierCode(), e.dossierCode(), e.procedureCode(), e.unitCode()), this::lockDossiers, this::saveDossiers);

    private final Table<PaymentEvent, PaymentFact> payments = new Table<>(
            e -> new Key(e.transactionId(), e.dossierCode(), e.procedureCode(), e.unitCode()), this::lockPayments, this::savePayments);

    /** The dossiers' facts: one per dossier code. */
    public Table<DossierEvent, DossierFact> dossiers() {
        return dossiers;
    }

    /** The transactions' facts: one per transaction id. */
    public Table<PaymentEvent, PaymentFact> payments() {
        return payments;
    }

    private static final String DOSSIER_COLUMNS = "dossier_code, procedure_code, unit_code, submitted_at, submitted_day, channel, "
            + "fully_online, applicant_hash, applicant_adult_citizen, received_at, received_day, due_at, dossier_digitized, "
            + "result_issued_at, result_day, result_digitized, result_synced, withdrawn, rating, rated_at, rating_event_id, "
            + "rating_day, updated_at, withdrawn_at, steps, due_day, ended_at, end_day, supplement_requests, waiting_since, "
            + "open_days, late_days, open_late_days, late_final, ended_late, settled_at_end, applicant_citizen, applicant_vneid";
    private static final String PAYMENT_COLUMNS = "transaction_id, dossier_code, procedure_code, unit_code, paid_at, paid_day, "
            + "method, amount, refunded, updated_at";

    private final AgroalDataSource dataSource;

    public FactRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The dossiers' facts, locked until the transaction ends; those not yet known are created with the
     * procedure and unit of their first event.
     */
    private Map<String, DossierFact> lockDossiers(Collection<Key> keys, OffsetDateTime now) {
        Map<String, DossierFact> facts = new HashMap<>();
        lock(keys, now, List.of(Key::dossierCode, Key::procedureCode, Key::unitCode),
                "insert into dossier_fact (dossier_code, procedure_code, unit_code, updated_at) "
                + "select * from unnest(?, ?, ?) as k, (select ?::timestamptz) t on conflict do nothing",
                "select " + columns("f", DOSSIER_COLUMNS) + " from dossier_fact f join unnest(?::varchar[]) with ordinality as k(id, i) "
                        + "on f.dossier_code = k.id order by k.i for update of f",
                rs -> {
                    DossierFact f = new DossierFact();
                    f.dossierCode = rs.getString(1);
                    f.procedureCode = rs.getString(2);
                    f.unitCode = rs.getString(3);
                    f.submittedAt = rs.getObject(4, OffsetDateTime.class);
                    f.submittedDay = rs.getObject(5, LocalDate.class);
                    f.channel = rs.getString(6);
                    f.fullyOnline = (Boolean) rs.getObject(7);
                    f.applicantHash = rs.getString(8);
                    f.applicantAdultCitizen = (Boolean) rs.getObject(9);
                    f.receivedAt = rs.getObject(10, OffsetDateTime.class);
                    f.receivedDay = rs.getObject(11, LocalDate.class);
                    f.dueAt = rs.getObject(12, OffsetDateTime.class);
                    f.dossierDigitized = rs.getBoolean(13);
                    f.resultIssuedAt = rs.getObject(14, OffsetDateTime.class);
                    f.resultDay = rs.getObject(15, LocalDate.class);
                    f.resultDigitized = rs.getBoolean(16);
                    f.resultSynced = rs.getBoolean(17);
                    f.withdrawn = rs.getBoolean(18);
                    f.rating = rs.getObject(19) == null ? null : rs.getShort(19);
                    f.ratedAt = rs.getObject(20, OffsetDateTime.class);
                    f.ratingEventId = rs.getString(21);
                    f.ratingDay = rs.getObject(22, LocalDate.class);
                    f.updatedAt = rs.getObject(23, OffsetDateTime.class);
                    f.withdrawnAt = rs.getObject(24, OffsetDateTime.class);
                    f.steps = DossierSteps.parse(rs.getString(25));
                    // What was counted for it, as stored: the counters move by the difference from this.
                    f.dueDay = rs.getObject(26, LocalDate.class);
                    f.endedAt = rs.getObject(27, OffsetDateTime.class);
                    f.endDay = rs.getObject(28, LocalDate.class);
                    f.supplementRequests = rs.getInt(29);
                    f.waitingSince = rs.getObject(30, OffsetDateTime.class);
                    List<Processing.DayRun> open = DayRuns.parse(rs.getString(31));
                    f.openDays = open.isEmpty() ? null : open.get(0);
                    f.lateDays = DayRuns.parse(rs.getString(32));
                    f.openLateDays = DayRuns.parse(rs.getString(33));
                    f.lateFinal = rs.getBoolean(34);
                    f.endedLate = (Boolean) rs.getObject(35);
                    f.settledAtEnd = rs.getBoolean(36);
                    f.applicantCitizen = (Boolean) rs.getObject(37);
                    f.applicantVneid = (Boolean) rs.getObject(38);
                    facts.put(f.dossierCode, f);
                });
        return facts;
    }

    /** The transactions' facts, locked until the transaction ends; those not yet known are created. */
    private Map<String, PaymentFact> lockPayments(Collection<Key> keys, OffsetDateTime now) {
        Map<String, PaymentFact> facts = new HashMap<>();
        lock(keys, now, List.of(Key::id, Key::dossierCode, Key::procedureCode, Key::unitCode),
                "insert into payment_fact (transaction_id, dossier_code, procedure_code, unit_code, updated_at) "
                + "select * from unnest(?, ?, ?, ?) as k, (select ?::timestamptz) t on conflict do nothing",
                "select " + columns("f", PAYMENT_COLUMNS) + " from payment_fact f join unnest(?::varchar[]) with ordinality as k(id, i) "
                        + "on f.transaction_id = k.id order by k.i for update of f",
                rs -> {
                    PaymentFact f = new PaymentFact();
                    f.transactionId = rs.getString(1);
                    f.dossierCode = rs.getString(2);
                    f.procedureCode = rs.getString(3);
                    f.unitCode = rs.getString(4);
                    f.paidAt = rs.getObject(5, OffsetDateTime.class);
                    f.paidDay = rs.getObject(6, LocalDate.class);
                    f.method = rs.getString(7);
                    f.amount = rs.getObject(8) == null ? null : rs.getLong(8);
                    f.refunded = rs.getBoolean(9);
                    f.updatedAt = rs.getObject(10, OffsetDateTime.class);
                    facts.put(f.transactionId, f);
                });
        return facts;
    }

    /** The columns, each prefixed with the table's alias. */
    private static String columns(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Creates the missing rows first (waiting for any other instance's uncommitted row), then locks and
     * reads them all: no two instances can both believe a fact new and overwrite each other's fields. Both
     * statements take the rows in the order of the keys given (sorted by the caller), so that two instances
     * never lock the same rows in orders that cross.
     *
     * @param inserted the key's values for the insert's columns but its time, in the insert's order
     */
    private void lock(Collection<Key> keys, OffsetDateTime now, List<Function<Key, String>> inserted, String insert, String select,
            RowReader reader) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                int i = 1;
                for (Function<Key, String> column : inserted) {
                    s.setArray(i++, c.createArrayOf("varchar", keys.stream().map(column).toArray()));
                }
                s.setObject(i, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(select)) {
                s.setArray(1, c.createArrayOf("varchar", keys.stream().map(Key::id).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column written back: its name, its type, and its value for a fact as PostgreSQL reads it from text. */
    private record Written(String name, String type, Function<DossierFact, String> value) {
    }

    /** What {@link #saveDossiers} writes, with the key first. */
    private static final List<Written> DOSSIER_WRITTEN = List.of(
            new Written("dossier_code", "varchar", f -> f.dossierCode),
            new Written("submitted_at", "timestamptz", f -> time(f.submittedAt)),
            new Written("submitted_day", "date", f -> text(f.submittedDay)),
            new Written("channel", "varchar", f -> f.channel),
            new Written("fully_online", "boolean", f -> text(f.fullyOnline)),
            new Written("applicant_hash", "varchar", f -> f.applicantHash),
            new Written("applicant_adult_citizen", "boolean", f -> text(f.applicantAdultCitizen)),
            new Written("received_at", "timestamptz", f -> time(f.receivedAt)),
            new Written("received_day", "date", f -> text(f.receivedDay)),
            new Written("due_at", "timestamptz", f -> time(f.dueAt)),
            new Written("dossier_digitized", "boolean", f -> text(f.dossierDigitized)),
            new Written("result_issued_at", "timestamptz", f -> time(f.resultIssuedAt)),
            new Written("result_day", "date", f -> text(f.resultDay)),
            new Written("result_digitized", "boolean", f -> text(f.resultDigitized)),
            new Written("result_synced", "boolean", f -> text(f.resultSynced)),
            new Written("withdrawn", "boolean", f -> text(f.withdrawn)),
            new Written("rating", "smallint", f -> text(f.rating)),
            new Written("rated_at", "timestamptz", f -> time(f.ratedAt)),
            new Written("rating_event_id", "varchar", f -> f.ratingEventId),
            new Written("rating_day", "date", f -> text(f.ratingDay)),
            new Written("updated_at", "timestamptz", f -> time(f.updatedAt)),
            new Written("withdrawn_at", "timestamptz", f -> time(f.withdrawnAt)),
            new Written("steps", "jsonb", f -> DossierSteps.text(f.steps)),
            new Written("due_day", "date", f -> text(f.dueDay)),
            new Written("ended_at", "timestamptz", f -> time(f.endedAt)),
            new Written("end_day", "date", f -> text(f.endDay)),
            new Written("supplement_requests", "integer", f -> text(f.supplementRequests)),
            new Written("waiting_since", "timestamptz", f -> time(f.waitingSince)),
            new Written("open_days", "datemultirange", f -> DayRuns.text(f.openDays == null ? List.of() : List.of(f.openDays))),
            new Written("late_days", "datemultirange", f -> DayRuns.text(f.lateDays)),
            new Written("open_late_days", "datemultirange", f -> DayRuns.text(f.openLateDays)),
            new Written("late_final", "boolean", f -> text(f.lateFinal)),
            new Written("ended_late", "boolean", f -> text(f.endedLate)),
            new Written("settled_at_end", "boolean", f -> text(f.settledAtEnd)),
            new Written("applicant_citizen", "boolean", f -> text(f.applicantCitizen)),
            new Written("applicant_vneid", "boolean", f -> text(f.applicantVneid)));

    /**
     * One statement for every fact of the batch: each column an array, joined to the rows by the key. (A JDBC batch of
     * one update per fact executed one plan per fact: a third of a rebuild's batch, in the profile.)
     */
    private static final String SAVE_DOSSIERS = "update dossier_fact f set "
            + String.join(", ", DOSSIER_WRITTEN.stream().skip(1).map(w -> w.name() + " = v." + w.name()).toList())
            + " from unnest(" + String.join(", ", DOSSIER_WRITTEN.stream().map(w -> "?::text[]::" + w.type() + "[]").toList())
            + ") as v(" + String.join(", ", DOSSIER_WRITTEN.stream().map(Written::name).toList()) + ")"
            + " where f.dossier_code = v.dossier_code";

    /** Writes the facts back, one statement for all of them. */
    private void saveDossiers(Collection<DossierFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SAVE_DOSSIERS)) {
            int i = 1;
            for (Written column : DOSSIER_WRITTEN) {
                s.setArray(i++, c.createArrayOf("text", facts.stream().map(column.value()).toArray(String[]::new)));
            }
            int updated = s.executeUpdate();
            if (updated != facts.size()) {
                // Every fact was locked (and created if new) in this transaction: a row missing here is a bug, not data.
                throw new IllegalStateException("wrote back " + updated + " dossier facts of " + facts.size());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** To the microsecond, rounded as the driver rounds a parameter, with its offset: PostgreSQL's own text for it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private static String time(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        OffsetDateTime rounded = t.getNano() % 1_000 > 499 ? t.plusNanos(1_000) : t;
        return TIME.format(rounded.truncatedTo(ChronoUnit.MICROS));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private void savePayments(Collection<PaymentFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        update payment_fact set paid_at = ?, paid_day = ?, method = ?, amount = ?, refunded = ?, updated_at = ?
                        where transaction_id = ?""")) {
            for (PaymentFact f : facts) {
                s.setObject(1, f.paidAt);
                s.setObject(2, f.paidDay);
                s.setString(3, f.method);
                s.setObject(4, f.amount, Types.BIGINT);
                s.setBoolean(5, f.refunded);
                s.setObject(6, f.updatedAt);
                s.setString(7, f.transactionId);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
