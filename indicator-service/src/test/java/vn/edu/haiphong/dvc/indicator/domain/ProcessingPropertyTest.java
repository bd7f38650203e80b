package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.data.Expected;
import vn.edu.haiphong.dvc.testing.data.Ledger;

/**
 * Generated histories of one dossier (received, any number of supplement requests and answers, new appointments, a
 * result or a withdrawal, ratings; times on the hour, midnight included), recorded in every order: the fact and its
 * contributions are the same whatever the order, and the counters it adds to give indicators 15 and 23 exactly as a
 * plain reading of the contract's words does (test-support's Expected), for any past period.
 */
class ProcessingPropertyTest {

    private static final OffsetDateTime BASE = OffsetDateTime.parse("2024-03-04T09:00:00+07:00");
    private static final String UNIT = "PROP-U";

    @Provide
    Arbitrary<List<DossierEvent>> histories() {
        Arbitrary<Integer> hour = Arbitraries.integers().between(-24, 40 * 24);
        Arbitrary<DossierEvent> supplement = Combinators.combine(Arbitraries.of(DossierEventType.SUPPLEMENT_REQUESTED,
                DossierEventType.SUPPLEMENT_RECEIVED), hour, Arbitraries.integers().between(-1, 15 * 24), Arbitraries.strings()
                .withCharRange('a', 'e').ofLength(2)).as((type, at, due, id) -> event(id + "-" + type.name(), type, BASE.plusHours(at),
                        type == DossierEventType.SUPPLEMENT_RECEIVED && due >= 0 ? BASE.plusHours(at + due) : null, null));
        Arbitrary<DossierEvent> received = Arbitraries.integers().between(1, 15 * 24)
                .map(due -> event("rec", DossierEventType.RECEIVED, BASE, BASE.plusHours(due), null));
        Arbitrary<List<DossierEvent>> ends = Combinators.combine(hour.injectNull(0.3), hour.injectNull(0.8),
                Arbitraries.integers().between(1, 5).list().ofMaxSize(2)).as((result, withdrawn, ratings) -> {
                    List<DossierEvent> e = new ArrayList<>();
                    if (result != null) {
                        e.add(event("res", DossierEventType.RESULT_ISSUED, BASE.plusHours(result), null, null));
                    }
                    if (withdrawn != null) {
                        e.add(event("wd", DossierEventType.WITHDRAWN, BASE.plusHours(withdrawn), null, null));
                    }
                    for (int i = 0; i < ratings.size(); i++) {
                        e.add(event("rt" + i, DossierEventType.RATED, BASE.plusHours(50 * 24 + i), null, ratings.get(i)));
                    }
                    return e;
                });
        return Combinators.combine(received, supplement.list().ofMaxSize(5).uniqueElements(DossierEvent::eventId), ends)
                .as((r, s, e) -> {
                    List<DossierEvent> all = new ArrayList<>();
                    all.add(r);
                    all.addAll(s);
                    all.addAll(e);
                    return all;
                }).flatMap(Arbitraries::shuffle);
    }

    private static DossierEvent event(String id, DossierEventType type, OffsetDateTime at, OffsetDateTime dueAt, Integer rating) {
        return new DossierEvent(id, type, at, "PROP-HS", "PROP-P", UNIT, null, null, null, dueAt,
                type == DossierEventType.RESULT_ISSUED ? Outcome.APPROVED : null, rating);
    }

    private static DossierFact recorded(List<DossierEvent> events) {
        DossierFact f = new DossierFact();
        f.dossierCode = "PROP-HS";
        f.procedureCode = "PROP-P";
        f.unitCode = UNIT;
        events.forEach(e -> f.record(e, OffsetDateTime.now(ZoneOffset.UTC)));
        return f;
    }

    @Property(tries = 400)
    void theFactIsTheSameInEveryOrder(@ForAll("histories") List<DossierEvent> shuffled) {
        List<DossierEvent> inOrder = new ArrayList<>(shuffled);
        inOrder.sort((a, b) -> a.eventId().compareTo(b.eventId()));
        DossierFact a = recorded(shuffled);
        DossierFact b = recorded(inOrder);
        assertThat(a.contributions()).containsExactlyInAnyOrderElementsOf(b.contributions());
        assertThat(a.lateDays).isEqualTo(b.lateDays);
        assertThat(a.dueAt).isEqualTo(b.dueAt);
        assertThat(a.waitingSince).isEqualTo(b.waitingSince);
    }

    @Property(tries = 1000)
    void itsCountersGiveIndicators15And23AsTheContractReads(@ForAll("histories") List<DossierEvent> events,
            @ForAll @IntRange(min = -3, max = 50) int fromOffset, @ForAll @IntRange(min = 0, max = 40) int length) {
        LocalDate from = LocalDate.of(2024, 3, 4).plusDays(fromOffset);
        LocalDate to = from.plusDays(length);
        DossierFact f = recorded(events);

        Ledger ledger = new Ledger();
        ledger.remember(new UnitRecord(UNIT, "Trường", UnitType.SCHOOL, null, null));
        ledger.rememberAll(events);
        Map<String, Expected.Pair> expected = Expected.indicators(ledger, from, to, UNIT);

        assertThat(counted(f, from, to, true)).as("processed-on-time").isEqualTo(expected.get("processed-on-time"));
        assertThat(counted(f, from, to, false)).as("handled-without-complaint").isEqualTo(expected.get("handled-without-complaint"));
    }

    /** What IndicatorQueries reads for a past period, applied to one dossier's contributions. */
    private static Expected.Pair counted(DossierFact f, LocalDate from, LocalDate to, boolean processedOnTime) {
        long denominator = 0;
        long numerator = 0;
        Metric endedNumerator = processedOnTime ? Metric.ENDED_ON_TIME : Metric.ENDED_WITHOUT_COMPLAINT;
        for (Contribution c : f.contributions()) {
            boolean inPeriod = !c.day().isBefore(from) && !c.day().isAfter(to);
            if (c.metric() == Metric.ENDED && inPeriod) {
                denominator++;
            }
            if (c.metric() == endedNumerator && inPeriod) {
                numerator++;
            }
            if (processedOnTime && !c.day().isAfter(to)) {
                if (c.metric() == Metric.OPEN_AT_CUT_OFF) {
                    denominator += c.weight();
                    numerator += c.weight();
                } else if (c.metric() == Metric.OPEN_LATE_AT_CUT_OFF) {
                    numerator -= c.weight();
                }
            }
        }
        // The ended dossiers whose lateness is not settled at their end: read at the period's own cut-off.
        boolean ratedWell = processedOnTime || f.rating == null || f.rating >= 3;
        if (!f.settledAtEnd && f.receivedAt != null && f.endDay != null && !f.endDay.isBefore(from) && !f.endDay.isAfter(to)
                && f.lateDays.stream().noneMatch(r -> r.contains(to)) && ratedWell) {
            numerator++;
        }
        return new Expected.Pair(numerator, denominator);
    }
}
