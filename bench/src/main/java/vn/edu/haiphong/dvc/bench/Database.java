package vn.edu.haiphong.dvc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.contract.Topics;

/**
 * indicator-service's database, seen directly: the bulk load of dossiers at scale, and the naive baseline
 * (a table of raw events, and the indicators computed from it by a plain GROUP BY).
 */
final class Database implements AutoCloseable {

    /** The year the bulk-loaded dossiers fall in. */
    static final int YEAR = 2025;

    private final Connection connection;
    private int loadStep;

    Database(int port) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/indicator", "postgres", "postgres");
        this.connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create table if not exists naive_event (
                        type varchar(32) not null, occurred_at timestamptz not null, dossier_code varchar(64) not null,
                        unit_code varchar(64) not null, procedure_code varchar(64) not null, channel varchar(16),
                        fully_online boolean, applicant_hash varchar(64), adult_citizen boolean, due_at timestamptz,
                        rating smallint, transaction_id varchar(64), method varchar(32))""");
        }
    }

    /**
     * Loads dossiers {@code B<from>} to {@code B<to - 1>} of {@link #YEAR} straight into the fact tables (and
     * their events into the naive table), then counts every counter again with dvc_recount(), the function
     * the migrations define. About 40% of dossiers have a payment.
     */
    void load(long from, long to) throws SQLException {
        String stamp = "timestamptz '2000-01-01 00:00:00+00' + interval '" + (++loadStep) + " seconds'";
        long applicants = Math.max(1, to * 6 / 10);
        try (Statement raw = connection.createStatement()) {
            Timed s = new Timed(raw);
            // A bulk load as one would do it: more memory for the counting and the index builds, and the fact
            // tables' secondary indexes dropped during the inserts and built again after (same definitions).
            s.execute("set work_mem = '256MB'");
            s.execute("set maintenance_work_mem = '512MB'");
            s.execute("set client_min_messages = debug");
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select indexname, indexdef from pg_indexes where tablename in ('dossier_fact', 'payment_fact')
                    and indexname not like '%pkey'""")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                }
            }
            for (String definition : indexes) {
                s.execute("drop index " + definition.replaceFirst("(?i)^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
            s.execute("drop table if exists bench_units, bench_procedures");
            s.execute("create table bench_units as select row_number() over (order by code) - 1 as i, code from unit_ref where type = 'SCHOOL'");
            s.execute("create table bench_procedures as select row_number() over (order by code) - 1 as i, code from procedure_ref");
            s.execute("""
                    insert into dossier_fact (dossier_code, procedure_code, unit_code, submitted_at, submitted_day, channel,
                        fully_online, applicant_hash, applicant_adult_citizen, received_at, received_day, due_at, dossier_digitized,
                        result_issued_at, result_day, result_digitized, result_synced, withdrawn, rating, rated_at, rating_event_id,
                        rating_day, updated_at)
                    select 'B' || g.i, p.code, u.code, s.sub, cast(s.sub at time zone 'Asia/Ho_Chi_Minh' as date), s.channel,
                        s.channel = 'ONLINE' and s.r3 < 0.85, md5('applicant-' || (g.i %% %d)), s.r4 < 0.8,
                        r.recv, cast(r.recv at time zone 'Asia/Ho_Chi_Minh' as date), r.recv + interval '10 days', r.recv is not null and s.r5 < 0.92,
                        r.res, cast(r.res at time zone 'Asia/Ho_Chi_Minh' as date), r.res is not null and s.r6 < 0.97,
                        r.res is not null and s.r7 < 0.96, false,
                        case when r.res is not null and s.r8 < 0.3 then 1 + floor(s.r9 * 5) end,
                        case when r.res is not null and s.r8 < 0.3 then r.res + interval '1 day' end,
                        case when r.res is not null and s.r8 < 0.3 then 'B' || g.i || ':T' end,
                        case when r.res is not null and s.r8 < 0.3 then cast((r.res + interval '1 day') at time zone 'Asia/Ho_Chi_Minh' as date) end,
                        %s
                    from generate_series(%d, %d) as g(i)
                    cross join lateral (select timestamptz '%d-01-01 00:00:00+07' + random() * interval '364 days' + g.i * interval '0' as sub,
                        case when random() < 0.55 then 'ONLINE' when random() < 0.9 then 'IN_PERSON' else 'POSTAL' end as channel,
                        random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7,
                        random() as r8, random() as r9) s
                    cross join lateral (select case when s.r2 < 0.95 then s.sub + interval '2 hours' end as recv,
                        case when s.r2 < 0.86 then s.sub + interval '2 hours' + s.r3 * interval '14 days' end as res) r
                    join bench_units u on u.i = g.i %% (select count(*) from bench_units)
                    join bench_procedures p on p.i = (g.i / 7) %% (select count(*) from bench_procedures)"""
                    .formatted(applicants, stamp, from, to - 1, YEAR));
            // r2 (V8): every bulk-loaded applicant is a citizen with VNeID, as the events published for them say.
            s.execute("update dossier_fact set applicant_citizen = true, applicant_vneid = true where applicant_citizen is null"
                    + " and submitted_at is not null");
            s.execute("""
                    insert into payment_fact (transaction_id, dossier_code, procedure_code, unit_code, paid_at, paid_day, method, amount,
                        refunded, updated_at)
                    select 'T' || f.dossier_code, f.dossier_code, f.procedure_code, f.unit_code, f.submitted_at + interval '1 hour',
                        cast((f.submitted_at + interval '1 hour') at time zone 'Asia/Ho_Chi_Minh' as date),
                        case when m.r < 0.45 then 'NATIONAL_PORTAL' when m.r < 0.55 then 'OTHER_ONLINE'
                             when m.r < 0.7 then 'BANK_TRANSFER' else 'CASH' end,
                        50000, m.r2 < 0.02, f.updated_at
                    from dossier_fact f cross join lateral (select random() + length(f.dossier_code) * 0 as r, random() as r2) m
                    where f.updated_at = %s and abs(hashtext(f.dossier_code)) %% 5 < 2""".formatted(stamp));
            s.execute("""
                    insert into naive_event (type, occurred_at, dossier_code, unit_code, procedure_code, channel, fully_online,
                        applicant_hash, adult_citizen, due_at, rating)
                    select e.type, e.at, f.dossier_code, f.unit_code, f.procedure_code, e.channel, e.fully_online, e.applicant_hash,
                        e.adult, e.due_at, e.rating
                    from dossier_fact f cross join lateral (values
                        ('SUBMITTED', f.submitted_at, f.channel, f.fully_online, f.applicant_hash, f.applicant_adult_citizen, null::timestamptz, null::smallint),
                        ('RECEIVED', f.received_at, null, null, null, null, f.due_at, null),
                        ('DOSSIER_DIGITIZED', case when f.dossier_digitized then f.received_at + interval '5 minutes' end, null, null, null, null, null, null),
                        ('RESULT_ISSUED', f.result_issued_at, null, null, null, null, null, null),
                        ('RESULT_DIGITIZED', case when f.result_digitized then f.result_issued_at + interval '1 minute' end, null, null, null, null, null, null),
                        ('RESULT_SYNCED', case when f.result_synced then f.result_issued_at + interval '2 minutes' end, null, null, null, null, null, null),
                        ('RATED', f.rated_at, null, null, null, null, null, f.rating)
                    ) as e(type, at, channel, fully_online, applicant_hash, adult, due_at, rating)
                    where f.updated_at = %s and e.at is not null""".formatted(stamp));
            s.execute("""
                    insert into naive_event (type, occurred_at, dossier_code, unit_code, procedure_code, transaction_id, method)
                    select e.type, e.at, t.dossier_code, t.unit_code, t.procedure_code, t.transaction_id, e.method
                    from payment_fact t cross join lateral (values ('PAID', t.paid_at, t.method),
                        ('REFUNDED', case when t.refunded then t.paid_at + interval '1 day' end, null)) as e(type, at, method)
                    where t.updated_at = %s and e.at is not null""".formatted(stamp));
            s.execute("drop table bench_units, bench_procedures");
            for (String definition : indexes) {
                s.execute(definition);
            }
            s.execute("analyze dossier_fact, payment_fact, naive_event");
            // The counters are derived from the facts, and every one of them is counted again: emptied first,
            // dvc_recount() writes them as a plain insert in key order rather than as a difference.
            s.execute("truncate indicator_count, adult_applicant");
            // The facts were written without their steps (r2: a RECEIVED and no supplement): what they make of
            // each dossier in process, as the migration derives it for facts from before revision 2.
            s.execute("select dvc_derive_received_only()");
            s.execute("select dvc_recount()");
            // And what the database would otherwise do in the background while the next figures are taken:
            // autovacuum reads every table that was just written (in the full run's first measurement of 10
            // million dossiers, two autovacuums of the counters overlapped the query measurements), and the
            // checkpoint writes their pages.
            s.execute("vacuum (analyze) dossier_fact, payment_fact, naive_event, indicator_count, adult_applicant");
            s.execute("checkpoint");
        }
    }

    /**
     * Publishes the bulk-loaded dossiers and transactions as the events that would have made them, straight
     * to the event topics: what indicator-service's rebuild then reads back.
     *
     * @return how many events were published
     */
    long publishLoadedFacts(KafkaProducer<String, String> producer) throws SQLException, JsonProcessingException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        long published = 0;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("""
                    select dossier_code, procedure_code, unit_code, submitted_at, channel, fully_online, applicant_hash,
                        applicant_adult_citizen, received_at, due_at, dossier_digitized, result_issued_at, result_digitized,
                        result_synced, rating, rated_at from dossier_fact where dossier_code like 'B%'""")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    String procedure = rs.getString(2);
                    String unit = rs.getString(3);
                    List<DossierEvent> events = new ArrayList<>();
                    events.add(new DossierEvent(code + ":S", DossierEventType.SUBMITTED, at(rs, 4), code, procedure, unit,
                            Channel.valueOf(rs.getString(5)), rs.getBoolean(6),
                            new Applicant(ApplicantKind.CITIZEN, rs.getString(7), rs.getBoolean(8), true), null, null, null));
                    OffsetDateTime received = at(rs, 9);
                    if (received != null) {
                        events.add(new DossierEvent(code + ":R", DossierEventType.RECEIVED, received, code, procedure, unit, null, null,
                                null, at(rs, 10), null, null));
                        if (rs.getBoolean(11)) {
                            events.add(new DossierEvent(code + ":D", DossierEventType.DOSSIER_DIGITIZED, received.plusMinutes(5), code,
                                    procedure, unit, null, null, null, null, null, null));
                        }
                    }
                    OffsetDateTime result = at(rs, 12);
                    if (result != null) {
                        events.add(new DossierEvent(code + ":I", DossierEventType.RESULT_ISSUED, result, code, procedure, unit, null,
                                null, null, null, Outcome.APPROVED, null));
                        if (rs.getBoolean(13)) {
                            events.add(new DossierEvent(code + ":G", DossierEventType.RESULT_DIGITIZED, result.plusMinutes(1), code,
                                    procedure, unit, null, null, null, null, null, null));
                        }
                        if (rs.getBoolean(14)) {
                            events.add(new DossierEvent(code + ":Y", DossierEventType.RESULT_SYNCED, result.plusMinutes(2), code,
                                    procedure, unit, null, null, null, null, null, null));
                        }
                    }
                    if (rs.getObject(15) != null) {
                        events.add(new DossierEvent(code + ":T", DossierEventType.RATED, at(rs, 16), code, procedure, unit, null, null,
                                null, null, null, rs.getInt(15)));
                    }
                    for (DossierEvent e : events) {
                        producer.send(new ProducerRecord<>(Topics.DOSSIER_EVENTS, code, json.writeValueAsString(e)));
                    }
                    published += events.size();
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select transaction_id, dossier_code, procedure_code, unit_code, paid_at, method, amount, refunded
                    from payment_fact where transaction_id like 'TB%'""")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String dossier = rs.getString(2);
                    OffsetDateTime paid = at(rs, 5);
                    producer.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS, dossier, json.writeValueAsString(new PaymentEvent(id + ":P",
                            PaymentEventType.PAID, id, paid, dossier, rs.getString(3), rs.getString(4), rs.getLong(7),
                            PaymentMethod.valueOf(rs.getString(6))))));
                    published++;
                    if (rs.getBoolean(8)) {
                        producer.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS, dossier, json.writeValueAsString(new PaymentEvent(
                                id + ":F", PaymentEventType.REFUNDED, id, paid.plusDays(1), dossier, rs.getString(3), rs.getString(4),
                                null, null))));
                        published++;
                    }
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
        producer.flush();
        return published;
    }

    private static OffsetDateTime at(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    String version() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Runs statements and prints how long each took, so that a slow bulk load shows where its time goes. */
    private record Timed(Statement statement) {
        void execute(String sql) throws SQLException {
            long t0 = System.nanoTime();
            statement.execute(sql);
            for (java.sql.SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                System.err.println("[bench]          " + w.getMessage());
            }
            statement.clearWarnings();
            System.err.printf(java.util.Locale.ROOT, "[bench]   %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9,
                    sql.strip().lines().findFirst().orElse("").replaceAll("\\s+", " "));
        }

        ResultSet executeQuery(String sql) throws SQLException {
            return statement.executeQuery(sql);
        }
    }

    long count(String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Any school's code (the second scope of the query measurements). */
    String aSchool() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select min(code) from unit_ref where type = 'SCHOOL'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Indicators 3 to 14 for the year and the scope, as numerator/denominator pairs, computed the naive way:
     * GROUP BY over the raw events of the scope, then counted. {@code unit} null: every unit.
     */
    Map<String, long[]> naiveIndicators(String unit) throws SQLException {
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        String scope = unit == null ? "true" : "unit_code in (select code from scope)";
        String sql = """
                with recursive scope(code) as (
                    select cast(? as varchar) union select u.code from unit_ref u join scope s on u.parent_code = s.code),
                d as (
                    select dossier_code, max(procedure_code) as procedure_code,
                        cast(min(occurred_at) filter (where type = 'SUBMITTED') at time zone 'Asia/Ho_Chi_Minh' as date) as sd,
                        bool_or(type = 'SUBMITTED' and channel = 'ONLINE') as online,
                        bool_or(type = 'SUBMITTED' and fully_online) as fully_online,
                        max(applicant_hash) filter (where type = 'SUBMITTED' and channel = 'ONLINE' and adult_citizen) as adult,
                        cast(min(occurred_at) filter (where type = 'RECEIVED') at time zone 'Asia/Ho_Chi_Minh' as date) as rd,
                        max(due_at) filter (where type = 'RECEIVED') as due_at,
                        bool_or(type = 'DOSSIER_DIGITIZED') as dossier_digitized,
                        min(occurred_at) filter (where type = 'RESULT_ISSUED') as result_at,
                        bool_or(type = 'RESULT_DIGITIZED') as result_digitized,
                        bool_or(type = 'RESULT_SYNCED') as result_synced,
                        max(occurred_at) filter (where type = 'RATED') as rated_at,
                        (array_agg(rating order by occurred_at desc) filter (where type = 'RATED'))[1] as rating
                    from naive_event where transaction_id is null and %1$s group by dossier_code),
                t as (
                    select transaction_id, max(procedure_code) as procedure_code,
                        cast(min(occurred_at) filter (where type = 'PAID') at time zone 'Asia/Ho_Chi_Minh' as date) as pd,
                        max(method) as method, bool_or(type = 'REFUNDED') as refunded
                    from naive_event where transaction_id is not null and %1$s group by transaction_id),
                dd as (
                    select d.*, cast(result_at at time zone 'Asia/Ho_Chi_Minh' as date) as xd,
                        cast(rated_at at time zone 'Asia/Ho_Chi_Minh' as date) as td, p.provided_fully_online, p.fee_bearing
                    from d left join procedure_ref p on p.code = d.procedure_code),
                paid as (select * from t where pd between ?2 and ?3 and not refunded),
                fee as (select distinct procedure_code from dd where sd between ?2 and ?3 and fee_bearing)
                select
                    count(*) filter (where sd between ?2 and ?3 and online), count(*) filter (where sd between ?2 and ?3),
                    count(*) filter (where sd between ?2 and ?3 and provided_fully_online and fully_online),
                    count(*) filter (where sd between ?2 and ?3 and provided_fully_online),
                    count(*) filter (where rd between ?2 and ?3 and dossier_digitized), count(*) filter (where rd between ?2 and ?3),
                    count(*) filter (where xd between ?2 and ?3 and result_digitized), count(*) filter (where xd between ?2 and ?3),
                    count(*) filter (where sd between ?2 and ?3 and rd is not null),
                    count(*) filter (where xd between ?2 and ?3 and result_synced),
                    (select count(*) from paid where method = 'NATIONAL_PORTAL'), (select count(*) from paid),
                    (select count(*) from paid where method <> 'CASH'),
                    (select count(*) from fee where exists (select 1 from paid where paid.procedure_code = fee.procedure_code
                        and paid.method = 'NATIONAL_PORTAL')), (select count(*) from fee),
                    count(distinct adult) filter (where sd between ?2 and ?3),
                    count(*) filter (where xd between ?2 and ?3 and rd is not null and result_at <= due_at),
                    count(*) filter (where xd between ?2 and ?3 and rd is not null),
                    count(*) filter (where td between ?2 and ?3 and rating >= 4), count(*) filter (where td between ?2 and ?3)
                from dd""".formatted(scope).replace("?2", "cast(? as date)").replace("?3", "cast(? as date)");
        // JDBC parameters are positional: the scope unit, then (from, to) at each of their places.
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, unit == null ? "" : unit);
            int params = s.getParameterMetaData().getParameterCount();
            for (int i = 2; i <= params; i += 2) {
                s.setObject(i, from);
                s.setObject(i + 1, to);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Map<String, long[]> out = new LinkedHashMap<>();
                out.put("online-submission", new long[] { rs.getLong(1), rs.getLong(2) });
                out.put("fully-online-dossiers", new long[] { rs.getLong(3), rs.getLong(4) });
                out.put("dossier-digitization", new long[] { rs.getLong(5), rs.getLong(6) });
                out.put("result-digitization", new long[] { rs.getLong(7), rs.getLong(8) });
                out.put("dossiers-in-system", new long[] { rs.getLong(9), rs.getLong(2) });
                out.put("results-synced", new long[] { rs.getLong(10), rs.getLong(8) });
                out.put("online-payments", new long[] { rs.getLong(11), rs.getLong(12) });
                out.put("cashless-payments", new long[] { rs.getLong(13), rs.getLong(12) });
                out.put("fee-procedures-paid-online", new long[] { rs.getLong(14), rs.getLong(15) });
                out.put("adult-online-users", new long[] { rs.getLong(16), -1 });
                out.put("on-time-results", new long[] { rs.getLong(17), rs.getLong(18) });
                out.put("satisfaction", new long[] { rs.getLong(19), rs.getLong(20) });
                return out;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
