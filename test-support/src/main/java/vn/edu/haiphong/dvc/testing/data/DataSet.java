package vn.edu.haiphong.dvc.testing.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.Audience;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;

/**
 * A generated department: a unit tree, a small catalogue, and dossiers through their whole life with
 * payments and refunds, including the awkward cases: events around midnight on either clock, dossiers
 * known only from later events, several ratings (two at the same instant), refunds. r2: broadcast systems at most
 * schools and one district office, their weekly items with weeks missed, and sessions at some schools.
 */
public final class DataSet {

    public final String root;
    public final List<String> districts = new ArrayList<>();
    public final List<String> schools = new ArrayList<>();
    public final List<Object> reference = new ArrayList<>();
    public final List<Object> events = new ArrayList<>();
    /** r2: broadcasts aired and sessions held (section 8), over {@link #outreachYear}; sent with the events when shuffled. */
    public final List<OutreachEvent> outreach = new ArrayList<>();
    /** The units with a broadcast system. */
    public final List<String> broadcastSystems = new ArrayList<>();
    public final int outreachYear;

    private final Random random;
    /**
     * r2's events (supplements, due changes, withdrawals while open) drawn from a stream of their own, so that the
     * events drawn before revision 2 stay exactly as they were.
     */
    private final Random process;
    /** r2's outreach, from a stream of its own too. */
    private final Random outreachRandom;
    private final String prefix;

    public DataSet(long seed, String prefix, int dossiers) {
        this(seed, prefix, dossiers, 2024);
    }

    /** @param outreachYear the year of the outreach events (the dossiers stay around 2024) */
    public DataSet(long seed, String prefix, int dossiers, int outreachYear) {
        this.random = new Random(seed);
        this.process = new Random(seed * 31 + 7);
        this.outreachRandom = new Random(seed * 17 + 3);
        this.outreachYear = outreachYear;
        this.prefix = prefix;
        this.root = prefix + "-SGD";
        reference.add(new UnitRecord(root, "Sở Giáo dục và Đào tạo " + prefix, UnitType.DEPARTMENT, null, 1_550_000L));
        for (int d = 1; d <= 3; d++) {
            String district = prefix + "-PGD" + d;
            districts.add(district);
            // r2: the second district office has a broadcast system of its own; so do the schools but the third of each.
            reference.add(new UnitRecord(district, "Phòng GDĐT quận " + d, UnitType.DISTRICT_OFFICE, root, d == 3 ? null : 150_000L * d,
                    d == 2));
            if (d == 2) {
                broadcastSystems.add(district);
            }
            for (int s = 1; s <= 3; s++) {
                String school = prefix + "-S" + d + s;
                schools.add(school);
                reference.add(new UnitRecord(school, "Trường THCS số " + d + s, UnitType.SCHOOL, district, s == 1 ? 4_000L : null, s != 3));
                if (s != 3) {
                    broadcastSystems.add(school);
                }
            }
        }
        List<ProcedureRecord> procedures = List.of(
                procedure(1, true, true, true, true), procedure(2, true, true, false, false), procedure(3, true, false, false, true),
                procedure(4, false, false, false, false), procedure(5, true, true, true, false), procedure(6, false, true, true, true));
        reference.addAll(procedures);
        for (int i = 0; i < dossiers; i++) {
            dossier(i, procedures.get(random.nextInt(procedures.size())));
        }
        outreach();
    }

    /**
     * r2: each broadcast system's items week by week over the outreach year and the weeks around it: one school never
     * misses, the others miss some weeks, some air twice; times at the edges of a week on either clock (a Sunday 23:50
     * at +07:00 written in UTC, a Monday 00:10). A unit without a broadcast system airs once in a while (not counted),
     * and sessions at some schools and at a district office (not a school).
     */
    private void outreach() {
        LocalDate first = LocalDate.of(outreachYear, 1, 1).minusDays(10).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = LocalDate.of(outreachYear, 12, 31).plusDays(10);
        for (int u = 0; u < broadcastSystems.size(); u++) {
            String unit = broadcastSystems.get(u);
            int missPercent = u == 0 ? 0 : u % 3 == 0 ? 30 : 4;
            for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
                if (outreachRandom.nextInt(100) < missPercent) {
                    continue;
                }
                int items = outreachRandom.nextInt(8) == 0 ? 2 : 1;
                for (int k = 0; k < items; k++) {
                    broadcast(unit, airTime(monday), monday + "-" + k);
                }
            }
        }
        String without = schools.get(2);
        for (int k = 0; k < 6; k++) {
            broadcast(without, airTime(first.plusWeeks(1 + outreachRandom.nextInt(50))), "x" + k);
        }
        for (int s = 0; s < schools.size(); s++) {
            if (s % 3 == 1) {
                continue; // a school with no session
            }
            int sessions = 1 + outreachRandom.nextInt(3);
            for (int k = 0; k < sessions; k++) {
                session(schools.get(s), airTime(first.plusWeeks(outreachRandom.nextInt(56))), k);
            }
        }
        session(districts.get(0), airTime(first.plusWeeks(20)), 0);
    }

    /** An instant in the week of {@code monday}, often at its first or last minutes. */
    private OffsetDateTime airTime(LocalDate monday) {
        int roll = outreachRandom.nextInt(100);
        OffsetDateTime t;
        if (roll < 15) {
            t = monday.plusDays(6).atTime(23, 50).atOffset(DepartmentTime.OFFSET);
        } else if (roll < 30) {
            t = monday.atTime(0, 10).atOffset(DepartmentTime.OFFSET);
        } else {
            t = monday.plusDays(outreachRandom.nextInt(7)).atTime(6 + outreachRandom.nextInt(12), outreachRandom.nextInt(60))
                    .atOffset(DepartmentTime.OFFSET);
        }
        return outreachRandom.nextBoolean() ? t.withOffsetSameInstant(ZoneOffset.UTC) : t;
    }

    private void broadcast(String unit, OffsetDateTime at, String suffix) {
        outreach.add(new OutreachEvent(unit + "-bc-" + suffix, OutreachEventType.BROADCAST_AIRED, at, unit,
                "Hướng dẫn nộp hồ sơ và thanh toán trực tuyến", 60 + outreachRandom.nextInt(600), null, null));
    }

    private void session(String unit, OffsetDateTime at, int k) {
        Audience[] audiences = Audience.values();
        outreach.add(new OutreachEvent(unit + "-ss-" + k, OutreachEventType.SESSION_HELD, at, unit,
                "Sinh hoạt chuyên đề về dịch vụ công trực tuyến", null, audiences[outreachRandom.nextInt(audiences.length)],
                1 + outreachRandom.nextInt(500)));
    }

    /** Every message (r2: the outreach too), shuffled, with about 5% sent twice. */
    public List<Object> shuffledWithDuplicates() {
        List<Object> sent = new ArrayList<>(events);
        sent.addAll(outreach);
        List<Object> all = new ArrayList<>(reference);
        all.addAll(sent);
        int duplicates = sent.isEmpty() ? 0 : all.size() / 20;
        for (int i = 0; i < duplicates; i++) {
            all.add(sent.get(random.nextInt(sent.size())));
        }
        Collections.shuffle(all, random);
        return all;
    }

    private ProcedureRecord procedure(int n, boolean eligible, boolean provided, boolean integrated, boolean fee) {
        return new ProcedureRecord(prefix + "-P" + n, "Thủ tục " + n + " của " + prefix, "Giáo dục", eligible, provided, integrated, fee);
    }

    private void dossier(int i, ProcedureRecord procedure) {
        String code = prefix + "-HS-" + i;
        String unit = pickUnit();
        OffsetDateTime submitted = submissionTime();
        Channel channel = pick(Channel.ONLINE, 55, Channel.IN_PERSON, 35, Channel.POSTAL);
        boolean fullyOnline = channel == Channel.ONLINE && random.nextInt(100) < 70;
        boolean citizen = random.nextInt(100) < 85;
        Applicant applicant = new Applicant(citizen ? ApplicantKind.CITIZEN : ApplicantKind.ORGANIZATION,
                String.format("%064x", 1_000 + random.nextInt(400)), citizen ? random.nextInt(100) < 80 : null, citizen ? random.nextBoolean() : null);
        if (random.nextInt(100) >= 3) {
            add(code, i, DossierEventType.SUBMITTED, submitted, unit, procedure, channel, fullyOnline, applicant, null, null, null);
        }
        OffsetDateTime received = null;
        OffsetDateTime due = null;
        OffsetDateTime result = null;
        if (random.nextInt(100) < 90) {
            received = submitted.plusMinutes(random.nextInt(3 * 24 * 60));
            due = received.plusDays(5 + random.nextInt(10));
            add(code, i, DossierEventType.RECEIVED, received, unit, procedure, null, null, null, due, null, null);
            if (random.nextInt(100) < 85) {
                add(code, i, DossierEventType.DOSSIER_DIGITIZED, received.plusHours(2), unit, procedure, null, null, null, null, null, null);
            }
            if (random.nextInt(100) < 75) {
                // Sometimes exactly at the due time (on time), sometimes after it.
                result = random.nextInt(10) == 0 ? due : received.plusDays(1 + random.nextInt(20));
                add(code, i, DossierEventType.RESULT_ISSUED, result, unit, procedure, null, null, null, null,
                        random.nextBoolean() ? Outcome.APPROVED : Outcome.REFUSED, null);
                if (random.nextInt(100) < 90) {
                    add(code, i, DossierEventType.RESULT_DIGITIZED, result.plusHours(1), unit, procedure, null, null, null, null, null, null);
                }
                if (random.nextInt(100) < 85) {
                    add(code, i, DossierEventType.RESULT_SYNCED, result.plusHours(3), unit, procedure, null, null, null, null, null, null);
                }
                int ratings = random.nextInt(100) < 50 ? 1 + random.nextInt(2) : 0;
                OffsetDateTime ratedAt = result.plusDays(1 + random.nextInt(5));
                for (int r = 0; r < ratings; r++) {
                    add(code, i, DossierEventType.RATED, ratedAt, unit, procedure, null, null, null, null, null, 1 + random.nextInt(5),
                            "-r" + r);
                    ratedAt = random.nextInt(4) == 0 ? ratedAt : ratedAt.plusDays(random.nextInt(40) - 10);
                }
            }
        }
        boolean withdrawn = random.nextInt(100) < 3;
        if (withdrawn) {
            add(code, i, DossierEventType.WITHDRAWN, submitted.plusDays(1), unit, procedure, null, null, null, null, null, null);
        }
        if (received != null) {
            inProcess(code, i, unit, procedure, received, result, withdrawn);
        }
        if (procedure.feeBearing() && random.nextInt(100) < 75) {
            int transactions = random.nextInt(100) < 10 ? 2 : 1;
            for (int t = 0; t < transactions; t++) {
                String tx = code + "-TX" + t;
                OffsetDateTime paidAt = submitted.plusMinutes(10 + random.nextInt(3 * 24 * 60));
                PaymentMethod method = pick(PaymentMethod.NATIONAL_PORTAL, 50, PaymentMethod.OTHER_ONLINE, 15,
                        random.nextBoolean() ? PaymentMethod.BANK_TRANSFER : PaymentMethod.CASH);
                long amount = 10_000L * (1 + random.nextInt(20));
                events.add(new PaymentEvent(tx + "-paid", PaymentEventType.PAID, tx, paidAt, code, procedure.code(), unit, amount, method));
                if (random.nextInt(100) < 10) {
                    events.add(new PaymentEvent(tx + "-refund", PaymentEventType.REFUNDED, tx, paidAt.plusDays(2), code,
                            procedure.code(), unit, null, null));
                }
            }
        }
    }

    /**
     * r2: requests for a supplement (one, sometimes two or three), most answered, some answers with a new
     * appointment, a few after the dossier's end; and some dossiers withdrawn while open.
     */
    private void inProcess(String code, int i, String unit, ProcedureRecord procedure, OffsetDateTime received, OffsetDateTime result,
            boolean withdrawn) {
        OffsetDateTime end = result != null ? result : received.plusDays(40);
        if (process.nextInt(100) < 40) {
            int roll = process.nextInt(100);
            int requests = roll < 65 ? 1 : roll < 92 ? 2 : 3;
            OffsetDateTime t = received.plusHours(1 + process.nextInt(72));
            for (int k = 0; k < requests && t.isBefore(end.plusDays(3)); k++) {
                addProcess(code, DossierEventType.SUPPLEMENT_REQUESTED, t, unit, procedure, null, "-s" + k);
                if (process.nextInt(100) < 80) {
                    OffsetDateTime answered = t.plusHours(1 + process.nextInt(5 * 24));
                    OffsetDateTime newDue = process.nextBoolean() ? answered.plusDays(3 + process.nextInt(10)) : null;
                    addProcess(code, DossierEventType.SUPPLEMENT_RECEIVED, answered, unit, procedure, newDue, "-s" + k);
                    t = answered.plusHours(1 + process.nextInt(6 * 24));
                } else {
                    break;
                }
            }
        }
        if (result == null && !withdrawn && process.nextInt(100) < 12) {
            addProcess(code, DossierEventType.WITHDRAWN, received.plusHours(2 + process.nextInt(30 * 24)), unit, procedure, null, "");
        }
    }

    private void addProcess(String code, DossierEventType type, OffsetDateTime at, String unit, ProcedureRecord procedure,
            OffsetDateTime dueAt, String suffix) {
        OffsetDateTime occurredAt = process.nextBoolean() ? at.withOffsetSameInstant(ZoneOffset.UTC) : at;
        events.add(new DossierEvent(code + "-" + type.name().toLowerCase() + suffix, type, occurredAt, code, procedure.code(), unit,
                null, null, null, dueAt, null, null));
    }

    private void add(String code, int i, DossierEventType type, OffsetDateTime at, String unit, ProcedureRecord procedure,
            Channel channel, Boolean fullyOnline, Applicant applicant, OffsetDateTime dueAt, Outcome outcome, Integer rating) {
        add(code, i, type, at, unit, procedure, channel, fullyOnline, applicant, dueAt, outcome, rating, "");
    }

    private void add(String code, int i, DossierEventType type, OffsetDateTime at, String unit, ProcedureRecord procedure,
            Channel channel, Boolean fullyOnline, Applicant applicant, OffsetDateTime dueAt, Outcome outcome, Integer rating,
            String suffix) {
        // Half the events carry UTC offsets: the day that counts is still the department's.
        OffsetDateTime occurredAt = random.nextBoolean() ? at.withOffsetSameInstant(ZoneOffset.UTC) : at;
        events.add(new DossierEvent(code + "-" + type.name().toLowerCase() + suffix, type, occurredAt, code, procedure.code(), unit,
                channel, fullyOnline, applicant, dueAt, outcome, rating));
    }

    private String pickUnit() {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return root;
        }
        if (roll < 20) {
            return districts.get(random.nextInt(districts.size()));
        }
        return schools.get(random.nextInt(schools.size()));
    }

    /** Mostly 2024, some in the last days of 2023 and first of 2025, many near midnight on one clock or the other. */
    private OffsetDateTime submissionTime() {
        OffsetDateTime start = OffsetDateTime.of(2023, 12, 20, 0, 0, 0, 0, DepartmentTime.OFFSET);
        OffsetDateTime t = start.plusDays(random.nextInt(390));
        int roll = random.nextInt(100);
        if (roll < 15) {
            return t.withHour(23).withMinute(30 + random.nextInt(30));
        }
        if (roll < 30) {
            return t.withHour(0).withMinute(random.nextInt(30));
        }
        if (roll < 40) {
            return t.withHour(6).withMinute(30 + random.nextInt(30)); // just before/after midnight UTC
        }
        return t.plusMinutes(random.nextInt(24 * 60));
    }

    private <T> T pick(T a, int aPercent, T b, int bPercent, T c) {
        int roll = random.nextInt(100);
        return roll < aPercent ? a : roll < aPercent + bPercent ? b : c;
    }
}
