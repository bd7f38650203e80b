package vn.edu.haiphong.dvc.indicator.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.PlanTaskDto;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.plan.PlanTask;
import vn.edu.haiphong.dvc.indicator.plan.PlanTasks;
import vn.edu.haiphong.dvc.indicator.plan.TaskStatus;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;
import vn.edu.haiphong.dvc.indicator.repository.PlanTaskReports;

/**
 * The plan's tasks (CONTRACT section 9): the built-in rows, their status from the indicators of the year (from
 * {@link IndicatorService}, not recomputed), and what admins report of them. Every task accepts a report; only the rows
 * without a target (1 and 12) take their status from it, the others stay measured and show it in {@code reported}.
 */
@ApplicationScoped
public class PlanTaskService {

    public static final int MAX_NOTE = 2000;
    public static final int MAX_EVIDENCE = 20;
    public static final int MAX_TITLE = 200;
    public static final int MAX_URL = 2000;

    private final IndicatorService indicators;
    private final PlanTaskReports reports;
    private final DataVersionRepository version;
    private final ObjectMapper mapper;

    public PlanTaskService(IndicatorService indicators, PlanTaskReports reports, DataVersionRepository version, ObjectMapper mapper) {
        this.indicators = indicators;
        this.reports = reports;
        this.version = version;
        this.mapper = mapper;
    }

    /** The year from 1 January to 31 December, or to today for this year, over {@code unit} (null: every unit). */
    public static Scope year(int year, String unit) {
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        LocalDate end = LocalDate.of(year, 12, 31);
        return new Scope(LocalDate.of(year, 1, 1), end.isAfter(today) ? today : end, unit);
    }

    /** A year's tasks with their status over the year for every unit; 404 for a year without built-in tasks. */
    public List<PlanTaskDto> tasks(int year) {
        List<PlanTask> tasks = builtIn(year);
        return tasks(year, tasks, indicators.all(year(year, null)));
    }

    /** A year's tasks with their status from the given indicators (the report's scope); empty for a year without tasks. */
    public List<PlanTaskDto> tasks(int year, IndicatorsResponse values) {
        return PlanTasks.of(year).map(tasks -> tasks(year, tasks, values)).orElse(List.of());
    }

    private List<PlanTaskDto> tasks(int year, List<PlanTask> tasks, IndicatorsResponse values) {
        Map<String, IndicatorValue> byId = values.indicators().stream().collect(Collectors.toMap(IndicatorValue::id, Function.identity()));
        Map<Integer, PlanTaskReports.Stored> reported = reports.of(year);
        List<PlanTaskDto> out = new ArrayList<>();
        for (PlanTask task : tasks) {
            PlanTaskDto.TaskReport report = read(reported.get(task.number()));
            TaskStatus status = task.reportedStatus()
                    ? TaskStatus.reported(report == null ? null : TaskStatus.Progress.valueOf(report.status()))
                    : TaskStatus.measured(task.indicators(), byId);
            out.add(new PlanTaskDto(task.number(), new IndicatorValue.Label(task.vi(), task.en()), task.lead(), task.cooperating(),
                    task.deadline(), task.product(), task.indicators(), status.id, report));
        }
        return out;
    }

    /** Stores an admin's report of a task, replacing the one before; the answers computed before it are not served again. */
    @Transactional
    public void report(int year, int number, PlanTaskDto.TaskReport body) {
        task(year, number);
        if (body == null) {
            throw ProblemException.malformed("The body is empty: { \"status\": \"NOT_STARTED\" | \"IN_PROGRESS\" | \"DONE\", ... } is expected");
        }
        List<FieldError> errors = validate(body);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<PlanTaskDto.Evidence> evidence = body.evidence() == null ? List.of() : body.evidence();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        reports.put(year, new PlanTaskReports.Stored(number, body.status(), body.note(), write(evidence)), now);
        version.changed(CounterRepository.SHARED_SHARD, now, false);
    }

    /** The built-in task, or 404 naming the year or the number. */
    public PlanTask task(int year, int number) {
        return builtIn(year).stream().filter(t -> t.number() == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The plan of " + year + " has no task " + number + " (its tasks are 1-"
                        + builtIn(year).size() + ")"));
    }

    private static List<PlanTask> builtIn(int year) {
        return PlanTasks.of(year).orElseThrow(() -> ProblemException.notFound("No tasks are built in for the plan of " + year));
    }

    static List<FieldError> validate(PlanTaskDto.TaskReport body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.status() == null) {
            errors.add(FieldError.of("status", "is required: NOT_STARTED, IN_PROGRESS or DONE"));
        } else if (Arrays.stream(TaskStatus.Progress.values()).noneMatch(p -> p.name().equals(body.status()))) {
            errors.add(FieldError.of("status", "must be NOT_STARTED, IN_PROGRESS or DONE"));
        }
        if (body.note() != null && body.note().length() > MAX_NOTE) {
            errors.add(FieldError.of("note", "must be at most " + MAX_NOTE + " characters"));
        }
        List<PlanTaskDto.Evidence> evidence = body.evidence() == null ? List.of() : body.evidence();
        if (evidence.size() > MAX_EVIDENCE) {
            errors.add(FieldError.of("evidence", "must have at most " + MAX_EVIDENCE + " items"));
            return errors;
        }
        for (int i = 0; i < evidence.size(); i++) {
            PlanTaskDto.Evidence item = evidence.get(i);
            String at = "evidence[" + i + "]";
            if (item == null) {
                errors.add(FieldError.of(at, "must be an object { title, url }"));
                continue;
            }
            if (item.title() == null || item.title().isBlank()) {
                errors.add(FieldError.of(at + ".title", "is required"));
            } else if (item.title().length() > MAX_TITLE) {
                errors.add(FieldError.of(at + ".title", "must be at most " + MAX_TITLE + " characters"));
            }
            if (!isHttps(item.url())) {
                errors.add(FieldError.of(at + ".url", "must be an absolute https URL of at most " + MAX_URL + " characters"));
            }
        }
        return errors;
    }

    private static boolean isHttps(String url) {
        if (url == null || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private PlanTaskDto.TaskReport read(PlanTaskReports.Stored stored) {
        if (stored == null) {
            return null;
        }
        try {
            List<PlanTaskDto.Evidence> evidence = mapper.readValue(stored.evidence(), new TypeReference<List<PlanTaskDto.Evidence>>() {
            });
            return new PlanTaskDto.TaskReport(stored.status(), stored.note(), evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task report is not JSON", e);
        }
    }

    private String write(List<PlanTaskDto.Evidence> evidence) {
        try {
            return mapper.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
