package vn.edu.haiphong.dvc.indicator.scorecard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto;
import vn.edu.haiphong.dvc.indicator.api.ScorecardResponse;
import vn.edu.haiphong.dvc.indicator.api.ScorecardSeriesResponse;
import vn.edu.haiphong.dvc.indicator.api.ScorecardUnitsResponse;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;
import vn.edu.haiphong.dvc.indicator.service.IndicatorService;

/**
 * r2: the national scorecard (CONTRACT section 10): its definition per year, and the scorecard of a scope, of the units
 * below it, and of each month, all from the indicators as {@link IndicatorService} serves them (its answers are cached
 * per scope and data version). The definition is read from the database on every request, so that a PUT shows at once,
 * on every instance.
 */
@ApplicationScoped
public class ScorecardService {

    private final ScorecardRepository repository;
    private final IndicatorService indicators;
    private final ReferenceCopies references;
    private final ObjectMapper mapper;

    public ScorecardService(ScorecardRepository repository, IndicatorService indicators, ReferenceCopies references, ObjectMapper mapper) {
        this.repository = repository;
        this.indicators = indicators;
        this.references = references;
        this.mapper = mapper;
    }

    /** The definition that applies to {@code year}: its own, or the latest earlier year's. */
    public Optional<ScorecardDefinitionDto> definition(int year) {
        return repository.latestUpTo(year).map(stored -> {
            ScorecardDefinitionDto d = read(stored.definition());
            return new ScorecardDefinitionDto(year, stored.year(), d.version(), d.groups(), d.criteria(),
                    d.notComputed() == null ? List.of() : d.notComputed());
        });
    }

    /**
     * Replaces a year's definition, whole; refused (422, every failing field named) and nothing stored when a rule of
     * {@link DefinitionRules} fails.
     *
     * @return whether the year had no definition of its own before
     */
    @Transactional
    public boolean put(int year, ScorecardDefinitionDto body) {
        List<FieldError> errors = DefinitionRules.check(year, body);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ScorecardDefinitionDto stored = new ScorecardDefinitionDto(null, null, body.version(), body.groups(), body.criteria(),
                body.notComputed() == null ? List.of() : body.notComputed());
        return repository.put(year, write(stored), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The scorecard over the scope, with the definition for the year of {@code to}. */
    public ScorecardResponse scorecard(Scope scope) {
        return score(scope, required(scope.to().getYear()));
    }

    /** The scorecard over the scope; empty for a year of {@code to} before any definition (the plan report of such a year). */
    public Optional<ScorecardResponse> find(Scope scope) {
        return definition(scope.to().getYear()).map(definition -> score(scope, definition));
    }

    /** Each unit directly below the scope (each root without one), scored over its own subtree, ranked by points earned. */
    public ScorecardUnitsResponse units(Scope scope) {
        ScorecardDefinitionDto definition = required(scope.to().getYear());
        List<ScorecardUnitsResponse.Unit> rows = new ArrayList<>();
        OffsetDateTime asOf = null;
        for (UnitDto child : references.children(scope.unit())) {
            ScorecardResponse card = score(scope.withUnit(child.code()), definition);
            asOf = asOf == null || card.asOf().isAfter(asOf) ? card.asOf() : asOf;
            rows.add(new ScorecardUnitsResponse.Unit(0, child.code(), child.name(), card.earned(), card.possible(),
                    card.groups().stream().map(g -> new ScorecardUnitsResponse.Group(g.id(), g.earned(), g.possible(), g.maxPoints()))
                            .toList()));
        }
        rows.sort(Comparator.comparing(ScorecardUnitsResponse.Unit::earned, Comparator.reverseOrder())
                .thenComparing(ScorecardUnitsResponse.Unit::code));
        List<ScorecardUnitsResponse.Unit> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScorecardUnitsResponse.Unit u = rows.get(i);
            // Equal points share a rank (competition ranking: 1, 2, 2, 4).
            int rank = i > 0 && u.earned().compareTo(rows.get(i - 1).earned()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new ScorecardUnitsResponse.Unit(rank, u.code(), u.name(), u.earned(), u.possible(), u.groups()));
        }
        if (asOf == null) {
            asOf = indicators.all(scope).asOf();
        }
        return new ScorecardUnitsResponse(scope.from(), scope.to(), scope.unit(), asOf, definition.version(), definition.definitionYear(),
                true, ranked);
    }

    /**
     * The total per calendar month of the period (the first and last clipped to it), each month over itself alone with
     * its own year's definition; a month of a year before any definition has no points. The period is at most 10 years
     * (ScopeParameters), so at most 121 months.
     */
    public ScorecardSeriesResponse series(Scope scope) {
        required(scope.to().getYear());
        Map<Integer, Optional<ScorecardDefinitionDto>> byYear = new HashMap<>();
        List<ScorecardSeriesResponse.Bucket> buckets = new ArrayList<>();
        for (LocalDate start = scope.from(); !start.isAfter(scope.to()); ) {
            LocalDate monthEnd = start.with(TemporalAdjusters.lastDayOfMonth());
            LocalDate end = monthEnd.isBefore(scope.to()) ? monthEnd : scope.to();
            Optional<ScorecardDefinitionDto> definition = byYear.computeIfAbsent(start.getYear(), this::definition);
            if (definition.isEmpty()) {
                buckets.add(new ScorecardSeriesResponse.Bucket(start, end, null, null, null));
            } else {
                ScorecardResponse card = score(scope.withDays(start, end), definition.get());
                buckets.add(new ScorecardSeriesResponse.Bucket(start, end, card.version(), card.earned(), card.possible()));
            }
            start = end.plusDays(1);
        }
        return new ScorecardSeriesResponse(scope.from(), scope.to(), scope.unit(), true, buckets);
    }

    private ScorecardResponse score(Scope scope, ScorecardDefinitionDto definition) {
        return Scoring.score(definition, definition.definitionYear(), indicators.all(scope));
    }

    private ScorecardDefinitionDto required(int year) {
        return definition(year).orElseThrow(() -> ProblemException.notFound("No scorecard definition for " + year
                + " or any earlier year"));
    }

    private ScorecardDefinitionDto read(String json) {
        try {
            return mapper.readValue(json, ScorecardDefinitionDto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored scorecard definition is not JSON", e);
        }
    }

    private String write(ScorecardDefinitionDto definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
