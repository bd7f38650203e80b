package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.indicator.api.CalendarDto;
import vn.edu.haiphong.dvc.indicator.domain.SchoolWeeks;
import vn.edu.haiphong.dvc.indicator.api.CalendarDto.SchoolBreak;

/** The working-day calendars per year ({@code work_calendar}, migration V5; 2024 built in). A year without a row is not configured. */
@ApplicationScoped
public class CalendarRepository {

    private static final String COLUMNS = "select year, cast(holidays as text[]), cast(working_weekend_days as text[]),"
            + " cast(school_breaks as text) from work_calendar";

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    public CalendarRepository(Jdbc jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public Optional<CalendarDto> year(int year) {
        return jdbc.first(COLUMNS + " where year = ?", this::calendar, year);
    }

    /** Every configured year (a handful of rows: one per year the department set). */
    public List<CalendarDto> all() {
        return jdbc.list(COLUMNS + " order by year", this::calendar);
    }

    /** r2: the school breaks of the calendars of the years from {@code fromYear} to {@code toYear} (the weeks of indicator 16). */
    public List<SchoolWeeks.Break> schoolBreaks(int fromYear, int toYear) {
        List<SchoolWeeks.Break> breaks = new ArrayList<>();
        for (CalendarDto year : all()) {
            if (year.year() >= fromYear && year.year() <= toYear) {
                year.schoolBreaks().forEach(b -> breaks.add(new SchoolWeeks.Break(b.from(), b.to(), b.name())));
            }
        }
        return breaks;
    }

    /** Stores a year's calendar, replacing what it had. @return whether the year had none before */
    public boolean put(CalendarDto calendar, OffsetDateTime now) {
        return jdbc.first("""
                insert into work_calendar (year, holidays, working_weekend_days, school_breaks, updated_at)
                values (?, cast(? as date[]), cast(? as date[]), cast(? as jsonb), ?)
                on conflict (year) do update set holidays = excluded.holidays, working_weekend_days = excluded.working_weekend_days,
                    school_breaks = excluded.school_breaks, updated_at = excluded.updated_at
                returning xmax = 0""", rs -> rs.getBoolean(1),
                calendar.year(), array(calendar.holidays()), array(calendar.workingWeekendDays()), json(calendar.schoolBreaks()), now)
                .orElseThrow();
    }

    private CalendarDto calendar(ResultSet rs) throws SQLException {
        return new CalendarDto(rs.getInt(1), dates(rs.getArray(2)), dates(rs.getArray(3)), breaks(rs.getString(4)), true);
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        for (Object day : (Object[]) array.getArray()) {
            days.add(LocalDate.parse(day.toString()));
        }
        days.sort(null);
        return days;
    }

    private static String array(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private List<SchoolBreak> breaks(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<SchoolBreak>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored calendar's school breaks are not JSON", e);
        }
    }

    private String json(List<SchoolBreak> breaks) {
        try {
            return mapper.writeValueAsString(breaks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
