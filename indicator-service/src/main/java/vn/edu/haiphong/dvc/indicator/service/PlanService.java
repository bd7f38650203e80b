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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.api.PlanDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;

/** Targets per year. A year without a plan of its own uses the latest earlier year's. */
@ApplicationScoped
public class PlanService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManager em;
    private final ObjectMapper mapper;

    public PlanService(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The plan that applies to {@code year}, if any year up to it has one. */
    public Optional<PlanDto> plan(int year) {
        List<?> rows = em.createNativeQuery("select year, targets from plan where year <= ?1 order by year desc limit 1")
                .setParameter(1, year).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new PlanDto(year, ((Number) row[0]).intValue(), read((String) row[1])));
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
        int changed = em.createNativeQuery("update plan set targets = ?2, updated_at = ?3 where year = ?1")
                .setParameter(1, year).setParameter(2, write(complete)).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (changed == 0) {
            em.createNativeQuery("insert into plan (year, targets, updated_at) values (?1, ?2, ?3)")
                    .setParameter(1, year).setParameter(2, write(complete)).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
        }
        // Targets are part of the answers: cached ones must not outlive them.
        em.createNativeQuery("update data_version set version = version + 1, changed_at = now() where id = 1").executeUpdate();
        return changed == 0;
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
