package vn.edu.haiphong.dvc.indicator.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.DossierTimeline;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierItem;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierPage;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierSummary;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierSummary.StateCounts;
import vn.edu.haiphong.dvc.indicator.api.OpenDossierSummary.UnitCounts;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.OpenState;
import vn.edu.haiphong.dvc.indicator.domain.WorkingCalendar;
import vn.edu.haiphong.dvc.indicator.repository.DossierTimelines;
import vn.edu.haiphong.dvc.indicator.repository.OpenDossierQueries;
import vn.edu.haiphong.dvc.indicator.repository.OpenDossierQueries.Cut;
import vn.edu.haiphong.dvc.indicator.repository.OpenDossierQueries.OpenDossier;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/**
 * The dossiers open now (CONTRACT section 7): lists, counts and one dossier's timeline. "Now" and "today" are read once
 * per request, on the department's clock; the due-soon window becomes a due-day bound computed here from the calendar,
 * so that the database decides every state itself.
 */
@ApplicationScoped
public class OpenDossierService {

    /** The most rows an export carries: a bounded answer whatever the scope (the README says so). */
    public static final int EXPORT_LIMIT = 100_000;
    /** The state of a dossier's timeline decides due-soon with the contract's default window. */
    public static final int DEFAULT_WITHIN = 2;

    /** An export: its rows, oldest due first, and how many there were in all (more than the rows when capped). */
    public record Export(String unit, OffsetDateTime asOf, List<OpenDossierItem> items, long total) {
        public boolean truncated() {
            return total > items.size();
        }
    }

    /** The most summaries kept; past it the cache starts again (scopes are units, windows 0-30: far fewer in practice). */
    private static final int CACHED_SUMMARIES = 10_000;

    private record SummaryKey(String unit, int within) {
    }

    /** A summary computed at one data version, right until the instant {@code rightUntil} (exclusive). */
    private record CachedSummary(long version, OpenDossierSummary summary, OffsetDateTime rightUntil) {

        boolean holds(long current, OffsetDateTime now) {
            return version == current && now.isBefore(rightUntil);
        }
    }

    private final OpenDossierQueries queries;
    private final DataVersion version;
    private final Map<SummaryKey, CachedSummary> summaries = new ConcurrentHashMap<>();
    private final DossierTimelines timelines;
    private final CalendarService calendars;
    private final ReferenceCopies references;
    /** The service has no clock of its own to inject; the tests read {@code asOf} from each answer instead. */
    private final Clock clock = Clock.systemUTC();

    public OpenDossierService(OpenDossierQueries queries, DossierTimelines timelines, CalendarService calendars,
            ReferenceCopies references, DataVersion version) {
        this.queries = queries;
        this.version = version;
        this.timelines = timelines;
        this.calendars = calendars;
        this.references = references;
    }

    /** What one request decides states at. */
    private record Now(OffsetDateTime asOf, LocalDate today, WorkingCalendar days, Cut cut) {
    }

    private Now now(int within) {
        return now(DepartmentTime.now(clock), within);
    }

    private Now now(OffsetDateTime asOf, int within) {
        LocalDate today = asOf.toLocalDate();
        WorkingCalendar days = calendars.workingDays();
        return new Now(asOf, today, days, new Cut(asOf, days.firstDayBeyond(today, within)));
    }

    public OpenDossierPage page(String unit, OpenState state, int within, int page, int size) {
        Now now = now(within);
        long total = queries.count(unit, state, now.cut());
        List<OpenDossierItem> items = queries.page(unit, state, now.cut(), (long) page * size, size).stream()
                .map(d -> item(d, now)).toList();
        return new OpenDossierPage(unit, now.asOf(), within, page, size, total, items);
    }

    public Export export(String unit, OpenState state, int within) {
        Now now = now(within);
        long total = queries.count(unit, state, now.cut());
        List<OpenDossierItem> items = queries.page(unit, state, now.cut(), 0, EXPORT_LIMIT).stream().map(d -> item(d, now)).toList();
        return new Export(unit, now.asOf(), items, total);
    }

    /**
     * The count per state for the scope and each unit directly below it. Computed once per data version, scope and
     * window: while the version stands and no open dossier's due has passed (nor midnight), the same counts are served
     * again with a new {@code asOf}, at which they are still right.
     */
    public OpenDossierSummary summary(String unit, int within) {
        long current = version.current();
        // A hit needs only the clock: the calendar changes the data version, so it is read only to count again.
        OffsetDateTime asOf = DepartmentTime.now(clock);
        SummaryKey key = new SummaryKey(unit, within);
        CachedSummary cached = summaries.get(key);
        if (cached != null && cached.holds(current, asOf)) {
            OpenDossierSummary s = cached.summary();
            return new OpenDossierSummary(s.unit(), asOf, s.within(), s.counts(), s.units());
        }
        Now now = now(asOf, within);
        OpenDossierSummary computed = computeSummary(unit, within, now);
        OffsetDateTime rightUntil = queries.nextChange(now.asOf());
        if (summaries.size() >= CACHED_SUMMARIES) {
            summaries.clear();
        }
        // Two readers may compute the same summary at once: the answer of the later version stays.
        summaries.merge(key, new CachedSummary(current, computed, rightUntil), (held, fresh) -> held.version() > fresh.version() ? held : fresh);
        return computed;
    }

    private OpenDossierSummary computeSummary(String unit, int within, Now now) {
        List<UnitDto> children = references.children(unit);
        Map<String, Map<OpenState, Long>> byUnit = queries.summaryCounts(unit, children.stream().map(UnitDto::code).toList(), now.cut());
        StateCounts scope = counts(byUnit.getOrDefault(OpenDossierQueries.SCOPE, Map.of()));
        List<UnitCounts> units = new ArrayList<>();
        for (UnitDto child : children) {
            units.add(new UnitCounts(child.code(), child.name(), counts(byUnit.getOrDefault(child.code(), Map.of()))));
        }
        units.sort(Comparator.comparingLong((UnitCounts u) -> u.counts().overdue()).reversed().thenComparing(UnitCounts::code));
        return new OpenDossierSummary(unit, now.asOf(), within, scope, units);
    }

    public Optional<DossierTimeline> timeline(String code) {
        Now now = now(DEFAULT_WITHIN);
        return timelines.dossier(code, now.cut()).map(d -> new DossierTimeline(d.dossierCode(), d.procedureCode(), d.procedureName(),
                d.unitCode(), d.unitName(), d.state(), d.due(), d.receivedAt(), d.endedAt(), d.supplementRequests(),
                timelines.events(code).stream().map(OpenDossierService::event).toList(),
                timelines.payments(code).stream()
                        .map(p -> new DossierTimeline.Payment(p.transactionId(), p.paidAt(), p.method(), p.amount(), p.refunded()))
                        .toList()));
    }

    private static Map<String, Object> event(DossierTimelines.Event e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", e.eventId());
        event.put("type", e.type());
        event.put("occurredAt", e.occurredAt());
        e.details().forEach(event::putIfAbsent);
        return event;
    }

    private static OpenDossierItem item(OpenDossier d, Now now) {
        Long late = null;
        Long left = null;
        if (d.state() == OpenState.OVERDUE) {
            late = now.days().workingDaysBetween(d.dueDay(), now.today());
        } else if (d.dueDay() != null) {
            left = now.days().workingDaysBetween(now.today(), d.dueDay());
        }
        return new OpenDossierItem(d.dossierCode(), d.state().id, d.procedureCode(), d.procedureName(), d.unitCode(), d.unitName(),
                local(d.receivedAt()), local(d.dueAt()), d.supplementRequests(), late, left);
    }

    private static StateCounts counts(Map<OpenState, Long> counts) {
        return new StateCounts(counts.getOrDefault(OpenState.WAITING, 0L), counts.getOrDefault(OpenState.OVERDUE, 0L),
                counts.getOrDefault(OpenState.DUE_SOON, 0L), counts.getOrDefault(OpenState.ON_TRACK, 0L));
    }

    /** Times on the department's clock. */
    private static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(DepartmentTime.OFFSET);
    }
}
