package vn.edu.haiphong.dvc.testing.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;

/**
 * The indicators (1-14; r2: 15-17 and 23) computed straight from the contract's words over everything published, in plain
 * Java: the independent answer the service's SQL is checked against.
 */
public final class Expected {

    /** numerator and denominator (null: unknown) of one indicator. */
    public record Pair(long numerator, Long denominator) {
    }

    /**
     * The department's clock, read from the contract's words rather than from {@code DepartmentTime}: the answer
     * the services are checked against must not share their definition of a day.
     */
    private static final ZoneOffset VN = ZoneOffset.ofHours(7);

    private Expected() {
    }

    /** @param unit null for every unit */
    public static Map<String, Pair> indicators(Ledger ledger, LocalDate from, LocalDate to, String unit) {
        return indicators(ledger, from, to, unit, OffsetDateTime.now());
    }

    /** As they stand at {@code now} (15 and 23 change with time alone: a period's cut-off is at most now). */
    public static Map<String, Pair> indicators(Ledger ledger, LocalDate from, LocalDate to, String unit, OffsetDateTime now) {
        synchronized (ledger) {
            return compute(ledger, from, to, unit, now);
        }
    }

    private static Map<String, Pair> compute(Ledger ledger, LocalDate from, LocalDate to, String unit, OffsetDateTime now) {
        Set<String> scope = scope(ledger, unit);
        Map<String, DossierEvent[]> byDossier = new HashMap<>();
        Map<String, DossierEvent> latestRating = new HashMap<>();
        Map<String, List<DossierEvent>> supplements = new HashMap<>();
        for (DossierEvent e : ledger.dossierEvents.values()) {
            if (e.type() == DossierEventType.SUPPLEMENT_REQUESTED || e.type() == DossierEventType.SUPPLEMENT_RECEIVED) {
                supplements.computeIfAbsent(e.dossierCode(), k -> new ArrayList<>()).add(e);
                byDossier.computeIfAbsent(e.dossierCode(), k -> new DossierEvent[DossierEventType.values().length]);
            } else if (e.type() == DossierEventType.RATED) {
                DossierEvent before = latestRating.get(e.dossierCode());
                if (before == null || e.occurredAt().isAfter(before.occurredAt())
                        || (e.occurredAt().isEqual(before.occurredAt()) && e.eventId().compareTo(before.eventId()) > 0)) {
                    latestRating.put(e.dossierCode(), e);
                }
            } else {
                byDossier.computeIfAbsent(e.dossierCode(), k -> new DossierEvent[DossierEventType.values().length])[e.type().ordinal()] = e;
            }
        }
        latestRating.keySet().forEach(code -> byDossier.computeIfAbsent(code, k -> new DossierEvent[DossierEventType.values().length]));

        long submitted = 0, online = 0, providedSubmitted = 0, providedFullyOnline = 0, submittedReceived = 0;
        long received = 0, receivedDigitized = 0, results = 0, resultsDigitized = 0, resultsSynced = 0;
        long resultsReceived = 0, onTime = 0, rated = 0, satisfied = 0;
        long inProcess = 0, inProcessOnTime = 0, endedInPeriod = 0, endedWithoutComplaint = 0;
        long resultsBothDigitized = 0, byCitizens = 0, byVneidCitizens = 0, eligibleSubmitted = 0, eligibleFullyOnline = 0;
        // The cut-off: the earlier of 24:00 of the last day and now.
        OffsetDateTime endOfTo = to.plusDays(1).atStartOfDay().atOffset(VN);
        OffsetDateTime cut = endOfTo.isBefore(now) ? endOfTo : now;
        Set<String> adults = new HashSet<>();
        Set<String> feeProcedures = new HashSet<>();
        for (var entry : byDossier.entrySet()) {
            DossierEvent[] e = entry.getValue();
            DossierEvent rating = latestRating.get(entry.getKey());
            List<DossierEvent> steps = supplements.getOrDefault(entry.getKey(), List.of());
            DossierEvent any = firstNonNull(e, rating, steps);
            if (!scope.contains(any.unitCode())) {
                continue;
            }
            ProcedureRecord procedure = ledger.procedures.get(any.procedureCode());
            DossierEvent sub = e[DossierEventType.SUBMITTED.ordinal()];
            DossierEvent rec = e[DossierEventType.RECEIVED.ordinal()];
            DossierEvent res = e[DossierEventType.RESULT_ISSUED.ordinal()];
            if (in(sub, from, to)) {
                submitted++;
                if (sub.channel() == Channel.ONLINE) {
                    online++;
                    if (sub.applicant().kind() == ApplicantKind.CITIZEN && Boolean.TRUE.equals(sub.applicant().adult())) {
                        adults.add(sub.applicant().idHash());
                    }
                }
                if (procedure != null && procedure.providedFullyOnline()) {
                    providedSubmitted++;
                    if (sub.fullyOnline()) {
                        providedFullyOnline++;
                    }
                }
                if (rec != null) {
                    submittedReceived++;
                }
                if (procedure != null && procedure.feeBearing()) {
                    feeProcedures.add(any.procedureCode());
                }
                // r2: 21 over the citizens' dossiers, 22 over those of procedures eligible for fully-online service.
                if (sub.applicant().kind() == ApplicantKind.CITIZEN) {
                    byCitizens++;
                    if (Boolean.TRUE.equals(sub.applicant().vneid())) {
                        byVneidCitizens++;
                    }
                }
                if (procedure != null && procedure.eligibleFullyOnline()) {
                    eligibleSubmitted++;
                    if (sub.fullyOnline()) {
                        eligibleFullyOnline++;
                    }
                }
            }
            if (in(rec, from, to)) {
                received++;
                if (e[DossierEventType.DOSSIER_DIGITIZED.ordinal()] != null) {
                    receivedDigitized++;
                }
            }
            if (in(res, from, to)) {
                results++;
                if (e[DossierEventType.RESULT_DIGITIZED.ordinal()] != null) {
                    resultsDigitized++;
                }
                if (e[DossierEventType.RESULT_SYNCED.ordinal()] != null) {
                    resultsSynced++;
                }
                if (e[DossierEventType.RESULT_DIGITIZED.ordinal()] != null && e[DossierEventType.DOSSIER_DIGITIZED.ordinal()] != null) {
                    resultsBothDigitized++;
                }
                if (rec != null) {
                    resultsReceived++;
                    if (!res.occurredAt().isAfter(due(rec, steps, null))) {
                        onTime++;
                    }
                }
            }
            if (rec != null) {
                // r2: processing ends at the earlier of the result and the withdrawal.
                DossierEvent wd = e[DossierEventType.WITHDRAWN.ordinal()];
                OffsetDateTime end = res == null ? (wd == null ? null : wd.occurredAt())
                        : wd == null || !wd.occurredAt().isBefore(res.occurredAt()) ? res.occurredAt() : wd.occurredAt();
                boolean ended = end != null && inPeriod(end, from, to);
                boolean open = !rec.occurredAt().isAfter(cut) && (end == null || end.isAfter(cut));
                if (ended || open) {
                    boolean late = late(rec, steps, end, open, cut);
                    inProcess++;
                    if (!late) {
                        inProcessOnTime++;
                    }
                    if (ended) {
                        endedInPeriod++;
                        if (!late && (rating == null || rating.rating() >= 3)) {
                            endedWithoutComplaint++;
                        }
                    }
                }
            }
            if (in(rating, from, to)) {
                rated++;
                if (rating.rating() >= 4) {
                    satisfied++;
                }
            }
        }

        Map<String, PaymentEvent> paid = new HashMap<>();
        Set<String> refunded = new HashSet<>();
        for (PaymentEvent p : ledger.paymentEvents.values()) {
            if (p.type() == PaymentEventType.PAID) {
                paid.put(p.transactionId(), p);
            } else {
                refunded.add(p.transactionId());
            }
        }
        long payments = 0, portal = 0, cashless = 0;
        Set<String> proceduresPaidOnPortal = new HashSet<>();
        // r2: 19 counts dossiers, not transactions: a dossier paid twice is one dossier.
        Set<String> paidDossiers = new HashSet<>();
        Set<String> dossiersPaidOnline = new HashSet<>();
        for (PaymentEvent p : paid.values()) {
            if (refunded.contains(p.transactionId()) || !scope.contains(p.unitCode()) || !inPeriod(p.occurredAt(), from, to)) {
                continue;
            }
            payments++;
            paidDossiers.add(p.dossierCode());
            if (p.method() == PaymentMethod.NATIONAL_PORTAL || p.method() == PaymentMethod.OTHER_ONLINE) {
                dossiersPaidOnline.add(p.dossierCode());
            }
            if (p.method() == PaymentMethod.NATIONAL_PORTAL) {
                portal++;
                proceduresPaidOnPortal.add(p.procedureCode());
            }
            if (p.method() != PaymentMethod.CASH) {
                cashless++;
            }
        }
        long feePaidOnline = feeProcedures.stream().filter(proceduresPaidOnPortal::contains).count();

        long eligible = 0, eligibleProvided = 0, provided = 0, providedIntegrated = 0, feeBearing = 0;
        for (ProcedureRecord p : ledger.procedures.values()) {
            if (p.feeBearing()) {
                feeBearing++;
            }
            if (p.eligibleFullyOnline()) {
                eligible++;
                if (p.providedFullyOnline()) {
                    eligibleProvided++;
                }
            }
            if (p.providedFullyOnline()) {
                provided++;
                if (p.integratedNationalPortal()) {
                    providedIntegrated++;
                }
            }
        }

        Map<String, Pair> result = new LinkedHashMap<>();
        result.put("procedures-fully-online", new Pair(eligibleProvided, eligible));
        result.put("fully-online-on-national-portal", new Pair(providedIntegrated, provided));
        result.put("online-submission", new Pair(online, submitted));
        result.put("fully-online-dossiers", new Pair(providedFullyOnline, providedSubmitted));
        result.put("dossier-digitization", new Pair(receivedDigitized, received));
        result.put("result-digitization", new Pair(resultsDigitized, results));
        result.put("dossiers-in-system", new Pair(submittedReceived, submitted));
        result.put("results-synced", new Pair(resultsSynced, results));
        result.put("online-payments", new Pair(portal, payments));
        result.put("cashless-payments", new Pair(cashless, payments));
        result.put("fee-procedures-paid-online", new Pair(feePaidOnline, (long) feeProcedures.size()));
        result.put("adult-online-users", new Pair(adults.size(), population(ledger, unit)));
        result.put("on-time-results", new Pair(onTime, resultsReceived));
        result.put("satisfaction", new Pair(satisfied, rated));
        result.put("processed-on-time", new Pair(inProcessOnTime, inProcess));
        result.put("weekly-broadcasts", weeklyBroadcasts(ledger, scope, from, to, now));
        result.put("schools-with-outreach-sessions", schoolsWithSessions(ledger, scope, from, to));
        result.put("fee-procedures-with-dossiers", new Pair(feeProcedures.size(), feeBearing));
        result.put("dossiers-paid-online", new Pair(dossiersPaidOnline.size(), (long) paidDossiers.size()));
        result.put("dossier-and-result-digitized", new Pair(resultsBothDigitized, results));
        result.put("vneid-applicants", new Pair(byVneidCitizens, byCitizens));
        result.put("fully-online-of-eligible", new Pair(eligibleFullyOnline, eligibleSubmitted));
        result.put("handled-without-complaint", new Pair(endedWithoutComplaint, endedInPeriod));
        return result;
    }

    /**
     * 16: units in scope with a broadcast system, and those of them that aired at least once of their own in every week
     * of the period: Monday-Sunday weeks wholly within [from, min(to, yesterday)] and not wholly within school breaks.
     */
    private static Pair weeklyBroadcasts(Ledger ledger, Set<String> scope, LocalDate from, LocalDate to, OffsetDateTime now) {
        LocalDate yesterday = now.atZoneSameInstant(VN).toLocalDate().minusDays(1);
        LocalDate last = to.isBefore(yesterday) ? to : yesterday;
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate day = from; !day.plusDays(6).isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
                continue;
            }
            boolean off = true;
            for (int i = 0; i < 7 && off; i++) {
                off = inBreak(ledger, day.plusDays(i));
            }
            if (!off) {
                weeks.add(day);
            }
        }
        if (weeks.isEmpty()) {
            return new Pair(0, 0L);
        }
        Map<String, Set<LocalDate>> aired = new HashMap<>();
        for (OutreachEvent e : ledger.outreachEvents.values()) {
            if (e.type() == OutreachEventType.BROADCAST_AIRED) {
                LocalDate day = e.occurredAt().atZoneSameInstant(VN).toLocalDate();
                aired.computeIfAbsent(e.unitCode(), u -> new HashSet<>()).add(day.minusDays(day.getDayOfWeek().getValue() - 1));
            }
        }
        long units = 0;
        long everyWeek = 0;
        for (UnitRecord u : ledger.units.values()) {
            if (scope.contains(u.code()) && u.broadcastSystem()) {
                units++;
                if (aired.getOrDefault(u.code(), Set.of()).containsAll(weeks)) {
                    everyWeek++;
                }
            }
        }
        return new Pair(everyWeek, units);
    }

    /** 17: schools in scope, and those of them with a session of their own in the period. */
    private static Pair schoolsWithSessions(Ledger ledger, Set<String> scope, LocalDate from, LocalDate to) {
        Set<String> held = new HashSet<>();
        for (OutreachEvent e : ledger.outreachEvents.values()) {
            if (e.type() == OutreachEventType.SESSION_HELD && inPeriod(e.occurredAt(), from, to)) {
                held.add(e.unitCode());
            }
        }
        long schools = 0;
        long withSession = 0;
        for (UnitRecord u : ledger.units.values()) {
            if (scope.contains(u.code()) && u.type() == UnitType.SCHOOL) {
                schools++;
                if (held.contains(u.code())) {
                    withSession++;
                }
            }
        }
        return new Pair(withSession, schools);
    }

    private static boolean inBreak(Ledger ledger, LocalDate day) {
        for (LocalDate[] b : ledger.schoolBreaks) {
            if (!day.isBefore(b[0]) && !day.isAfter(b[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The due at t (section 2): the dueAt of the latest, by occurredAt then eventId, RECEIVED or SUPPLEMENT_RECEIVED
     * at or before t that carries one (t null: of all of them).
     */
    private static OffsetDateTime due(DossierEvent rec, List<DossierEvent> steps, OffsetDateTime t) {
        DossierEvent latest = null;
        List<DossierEvent> all = new ArrayList<>(steps);
        all.add(rec);
        for (DossierEvent s : all) {
            if (s.dueAt() == null || (t != null && s.occurredAt().isAfter(t))) {
                continue;
            }
            if (latest == null || s.occurredAt().isAfter(latest.occurredAt())
                    || (s.occurredAt().isEqual(latest.occurredAt()) && s.eventId().compareTo(latest.eventId()) > 0)) {
                latest = s;
            }
        }
        return latest == null ? null : latest.dueAt();
    }

    /** Late at the cut-off (section 5, r2: (a) to (d)), for a dossier that ended in the period or is open at the cut-off. */
    private static boolean late(DossierEvent rec, List<DossierEvent> steps, OffsetDateTime end, boolean open, OffsetDateTime cut) {
        long requests = steps.stream().filter(s -> s.type() == DossierEventType.SUPPLEMENT_REQUESTED && !s.occurredAt().isAfter(cut)).count();
        if (requests >= 2) {
            return true; // (d)
        }
        OffsetDateTime due = due(rec, steps, cut);
        if (due == null) {
            return false;
        }
        if (!open) {
            return end.isAfter(due); // (a)
        }
        // The latest supplement event at or before the cut-off; at one instant a request comes before its answer.
        DossierEvent latest = null;
        for (DossierEvent s : steps) {
            if (s.occurredAt().isAfter(cut)) {
                continue;
            }
            if (latest == null || s.occurredAt().isAfter(latest.occurredAt())
                    || (s.occurredAt().isEqual(latest.occurredAt()) && s.type() == DossierEventType.SUPPLEMENT_RECEIVED)) {
                latest = s;
            }
        }
        if (latest != null && latest.type() == DossierEventType.SUPPLEMENT_REQUESTED) {
            return latest.occurredAt().isAfter(due); // (c)
        }
        return due.isBefore(cut); // (b)
    }

    /** The unit and every unit below it; every unit published for null. */
    static Set<String> scope(Ledger ledger, String unit) {
        Set<String> scope = new HashSet<>();
        for (UnitRecord u : ledger.units.values()) {
            for (String c = u.code(); c != null; c = ledger.units.containsKey(c) ? ledger.units.get(c).parentCode() : null) {
                if (unit == null || c.equals(unit)) {
                    scope.add(u.code());
                    break;
                }
            }
        }
        return scope;
    }

    private static Long population(Ledger ledger, String unit) {
        if (unit != null) {
            return ledger.units.get(unit).adultPopulation();
        }
        Long sum = null;
        for (UnitRecord u : ledger.units.values()) {
            if (u.parentCode() == null && u.adultPopulation() != null) {
                sum = (sum == null ? 0 : sum) + u.adultPopulation();
            }
        }
        return sum;
    }

    private static DossierEvent firstNonNull(DossierEvent[] events, DossierEvent rating, List<DossierEvent> steps) {
        for (DossierEvent e : events) {
            if (e != null) {
                return e;
            }
        }
        return rating != null ? rating : steps.get(0);
    }

    private static boolean in(DossierEvent e, LocalDate from, LocalDate to) {
        return e != null && inPeriod(e.occurredAt(), from, to);
    }

    private static boolean inPeriod(OffsetDateTime t, LocalDate from, LocalDate to) {
        LocalDate day = t.atZoneSameInstant(VN).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
