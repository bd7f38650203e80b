package vn.edu.haiphong.dvc.indicator.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.api.PlanDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;
import vn.edu.haiphong.dvc.indicator.repository.PlanRepository;

/** Targets per year. A year without a plan of its own uses the latest earlier year's. */
@ApplicationScoped
public class PlanService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlanRepository repository;
    private final DataVersionRepository version;
    private final ObjectMapper mapper;

    public PlanService(PlanRepository repository, DataVersionRepository version, ObjectMapper mapper) {
        this.repository = repository;
        this.version = version;
        this.mapper = mapper;
    }

    /** The plan that applies to {@code year}, if any year up to it has one. */
    public Optional<PlanDto> plan(int year) {
        return repository.latestUpTo(year).map(stored -> new PlanDto(year, stored.year(), read(stored.targets())));
    }

    /** The target of each indicator for {@code year}; empty when no plan applies. */
    public Map<String, BigDecimal> targets(int year) {
        return plan(year).map(PlanDto::targets).orElse(Map.of());
    }

    /**
     * Sets a year's targets. Every indicator not named has no target.
     *
     * @return whether the year had no plan of its own before
     */
    @Transactional
    public boolean put(int year, Map<String, BigDecimal> targets) {
        List<FieldError> errors = new ArrayList<>();
        if (targets == null) {
            throw ProblemException.invalid(List.of(FieldError.of("targets", "is required")));
        }
        Map<String, BigDecimal> complete = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            complete.put(indicator.id, null);
        }
        targets.forEach((id, target) -> {
            if (Indicator.byId(id).isEmpty()) {
                errors.add(FieldError.of("targets." + id, "is not an indicator"));
            } else if (target != null && (target.signum() < 0 || target.compareTo(HUNDRED) > 0)) {
                errors.add(FieldError.of("targets." + id, "must be a percentage from 0 to 100, or null"));
            } else {
                complete.put(id, target);
            }
        });
        if (year < 2000 || year > 2100) {
            errors.add(FieldError.of("year", "must be from 2000 to 2100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean created = repository.put(year, write(complete), now);
        // Targets are part of the answers: cached ones must not outlive them.
        version.changed(CounterRepository.SHARED_SHARD, now, false);
        return created;
    }

    private Map<String, BigDecimal> read(String json) {
        try {
            Map<String, BigDecimal> stored = mapper.readValue(json, new TypeReference<LinkedHashMap<String, BigDecimal>>() {
            });
            Map<String, BigDecimal> targets = new LinkedHashMap<>();
            for (Indicator indicator : Indicator.values()) {
                targets.put(indicator.id, stored.get(indicator.id));
            }
            return targets;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored plan is not JSON", e);
        }
    }

    private String write(Map<String, BigDecimal> targets) {
        try {
            return mapper.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
