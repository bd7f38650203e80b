package vn.edu.haiphong.dvc.indicator.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.api.CalendarBody;
import vn.edu.haiphong.dvc.indicator.api.CalendarDto;
import vn.edu.haiphong.dvc.indicator.api.CalendarDto.SchoolBreak;
import vn.edu.haiphong.dvc.indicator.domain.SchoolWeeks;
import vn.edu.haiphong.dvc.indicator.domain.WorkingCalendar;
import vn.edu.haiphong.dvc.indicator.repository.CalendarRepository;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;

/** The working-day calendar per year (CONTRACT section 6), and the working days they make together. */
@ApplicationScoped
public class CalendarService {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int NAME_LENGTH = 200;

    private final CalendarRepository repository;
    private final DataVersionRepository version;

    public CalendarService(CalendarRepository repository, DataVersionRepository version) {
        this.repository = repository;
        this.version = version;
    }

    /** A year's calendar; for a year never set, no holidays, no breaks, {@code configured: false}. */
    public CalendarDto calendar(int year) {
        return repository.year(year).orElseGet(() -> new CalendarDto(year, List.of(), List.of(), List.of(), false));
    }

    /** The working days of every year: each configured year's days off and days worked, Monday-Friday elsewhere. */
    public WorkingCalendar workingDays() {
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> worked = new ArrayList<>();
        for (CalendarDto year : repository.all()) {
            holidays.addAll(year.holidays());
            worked.addAll(year.workingWeekendDays());
        }
        return new WorkingCalendar(holidays, worked);
    }

    /** The school breaks of the calendars of every year from {@code from}'s to {@code to}'s (the weeks of indicator 16). */
    public List<SchoolWeeks.Break> schoolBreaks(LocalDate from, LocalDate to) {
        return repository.schoolBreaks(from.getYear(), to.getYear());
    }

    /**
     * Sets a year's calendar, all of it (a list not sent is empty). Refused whole (422, every failing field named with
     * its index) when a date is not a date of the year, a break is not a range within it, or a day or break is listed twice.
     *
     * @return whether the year had no calendar of its own before
     */
    @Transactional
    public boolean put(int year, CalendarBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(FieldError.of("year", "must be from " + FIRST_YEAR + " to " + LAST_YEAR));
        } else if (body.year() != null && body.year() != year) {
            errors.add(FieldError.of("year", "must be the year of the path (" + year + ") when given"));
        }
        List<LocalDate> holidays = days("holidays", body.holidays(), year, errors);
        List<LocalDate> worked = days("workingWeekendDays", body.workingWeekendDays(), year, errors);
        List<SchoolBreak> breaks = breaks(body.schoolBreaks(), year, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean created = repository.put(new CalendarDto(year, holidays, worked, breaks, true), now);
        // Working days are part of the answers (open dossiers, the weeks of indicator 16): cached ones must not outlive them.
        version.changed(CounterRepository.SHARED_SHARD, now, false);
        return created;
    }

    private static List<LocalDate> days(String field, List<String> values, int year, List<FieldError> errors) {
        List<LocalDate> days = new ArrayList<>();
        if (values == null) {
            return days;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String name = field + "[" + i + "]";
            LocalDate day = date(name, values.get(i), year, errors);
            if (day == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(day, i);
            if (first != null) {
                errors.add(FieldError.of(name, day + " is already listed at " + field + "[" + first + "]"));
            } else {
                days.add(day);
            }
        }
        days.sort(null);
        return days;
    }

    private static List<SchoolBreak> breaks(List<CalendarBody.Break> values, int year, List<FieldError> errors) {
        List<SchoolBreak> breaks = new ArrayList<>();
        if (values == null) {
            return breaks;
        }
        Map<List<LocalDate>, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String at = "schoolBreaks[" + i + "]";
            CalendarBody.Break b = values.get(i);
            if (b == null) {
                errors.add(FieldError.of(at, "must be { \"from\", \"to\", \"name\" }"));
                continue;
            }
            LocalDate from = date(at + ".from", b.from(), year, errors);
            LocalDate to = date(at + ".to", b.to(), year, errors);
            if (b.name() == null || b.name().isBlank()) {
                errors.add(FieldError.of(at + ".name", "is required"));
            } else if (b.name().length() > NAME_LENGTH) {
                errors.add(FieldError.of(at + ".name", "must be at most " + NAME_LENGTH + " characters"));
            }
            if (from == null || to == null) {
                continue;
            }
            if (from.isAfter(to)) {
                errors.add(FieldError.of(at + ".to", "must not be before from (" + from + ")"));
                continue;
            }
            Integer first = seen.putIfAbsent(List.of(from, to), i);
            if (first != null) {
                errors.add(FieldError.of(at, "the break " + from + " to " + to + " is already listed at schoolBreaks[" + first + "]"));
            } else if (b.name() != null && !b.name().isBlank()) {
                breaks.add(new SchoolBreak(from, to, b.name().strip()));
            }
        }
        breaks.sort(Comparator.comparing(SchoolBreak::from).thenComparing(SchoolBreak::to));
        return breaks;
    }

    private static LocalDate date(String field, String value, int year, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a date YYYY-MM-DD"));
            return null;
        }
        if (day.getYear() != year) {
            errors.add(FieldError.of(field, day + " is not in " + year));
            return null;
        }
        return day;
    }
}
