package vn.edu.haiphong.dvc.indicator.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto.Criterion;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto.Group;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto.NotComputed;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;

/** What a scorecard definition must be to be stored: every rule in one place, each failure naming its field. */
public final class DefinitionRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** A definition is scored on every request: a bound on what one costs. */
    static final int MAX_ITEMS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DefinitionRules() {
    }

    /** A criterion's group: the part of its id before the first dot. */
    public static String groupOf(Criterion criterion) {
        String id = criterion.id();
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /** A not-computed item's group: the part of its id before the first '.' or '-' ("5.3-5.6" is of 5, "1" is group 1). */
    public static String groupOf(NotComputed item) {
        String id = item.id();
        int end = id.length();
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) == '.' || id.charAt(i) == '-') {
                end = i;
                break;
            }
        }
        return id.substring(0, end);
    }

    /** Every failing field; empty when the definition may be stored for {@code year}. */
    public static List<FieldError> check(int year, ScorecardDefinitionDto body) {
        List<FieldError> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(FieldError.of("year", "must be from " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        if (blank(body.version())) {
            errors.add(FieldError.of("version", "is required"));
        } else if (body.version().length() > 64) {
            errors.add(FieldError.of("version", "must be 1 to 64 characters"));
        }
        // Group id -> its index, for the criteria and the sums.
        Map<String, Integer> groups = new LinkedHashMap<>();
        if (body.groups() == null) {
            errors.add(FieldError.of("groups", "is required"));
        } else {
            bounded("groups", body.groups(), errors);
            for (int i = 0; i < body.groups().size(); i++) {
                Group g = body.groups().get(i);
                String at = "groups[" + i + "]";
                if (g == null) {
                    errors.add(FieldError.of(at, "is required"));
                    continue;
                }
                if (blank(g.id())) {
                    errors.add(FieldError.of(at + ".id", "is required"));
                } else if (g.id().indexOf('.') >= 0 || g.id().indexOf('-') >= 0) {
                    errors.add(FieldError.of(at + ".id", "must not contain '.' or '-': they separate a group from its criteria"));
                } else if (groups.containsKey(g.id())) {
                    errors.add(FieldError.of(at + ".id", "'" + g.id() + "' is also groups[" + groups.get(g.id()) + "]: ids are unique"));
                } else {
                    groups.put(g.id(), i);
                }
                label(at + ".name", g.name(), errors);
                positive(at + ".maxPoints", g.maxPoints(), errors);
            }
        }
        Map<String, BigDecimal> used = new HashMap<>();
        if (body.criteria() == null) {
            errors.add(FieldError.of("criteria", "is required"));
        } else {
            bounded("criteria", body.criteria(), errors);
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < body.criteria().size(); i++) {
                Criterion c = body.criteria().get(i);
                String at = "criteria[" + i + "]";
                if (c == null) {
                    errors.add(FieldError.of(at, "is required"));
                    continue;
                }
                if (blank(c.id())) {
                    errors.add(FieldError.of(at + ".id", "is required"));
                } else if (ids.containsKey(c.id())) {
                    errors.add(FieldError.of(at + ".id", "'" + c.id() + "' is also criteria[" + ids.get(c.id()) + "]: ids are unique"));
                } else {
                    ids.put(c.id(), i);
                    if (!groups.containsKey(groupOf(c))) {
                        errors.add(FieldError.of(at + ".id", "its group '" + groupOf(c) + "' (the part before the first dot) is not a "
                                + "group of the definition"));
                    }
                }
                if (blank(c.indicator()) || Indicator.byId(c.indicator()).isEmpty()) {
                    errors.add(FieldError.of(at + ".indicator", "must be the id of an indicator"));
                }
                if (positive(at + ".maxPoints", c.maxPoints(), errors) && !blank(c.id())) {
                    used.merge(groupOf(c), c.maxPoints(), BigDecimal::add);
                }
                if (c.fullAt() == null || c.fullAt().signum() <= 0 || c.fullAt().compareTo(HUNDRED) > 0) {
                    errors.add(FieldError.of(at + ".fullAt", "must be a percentage more than 0 and at most 100"));
                }
            }
        }
        List<NotComputed> notComputed = body.notComputed() == null ? List.of() : body.notComputed();
        bounded("notComputed", notComputed, errors);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < notComputed.size(); i++) {
            NotComputed n = notComputed.get(i);
            String at = "notComputed[" + i + "]";
            if (n == null) {
                errors.add(FieldError.of(at, "is required"));
                continue;
            }
            if (blank(n.id())) {
                errors.add(FieldError.of(at + ".id", "is required"));
            } else if (ids.containsKey(n.id())) {
                errors.add(FieldError.of(at + ".id", "'" + n.id() + "' is also notComputed[" + ids.get(n.id()) + "]: ids are unique"));
            } else {
                ids.put(n.id(), i);
            }
            label(at + ".name", n.name(), errors);
            label(at + ".dataNeeded", n.dataNeeded(), errors);
            if (positive(at + ".maxPoints", n.maxPoints(), errors) && !blank(n.id())) {
                used.merge(groupOf(n), n.maxPoints(), BigDecimal::add);
            }
        }
        // A group holds its criteria and its not-computed items: together they may not be worth more than it.
        groups.forEach((id, i) -> {
            BigDecimal points = body.groups().get(i).maxPoints();
            BigDecimal inside = used.get(id);
            if (points != null && points.signum() > 0 && inside != null && inside.compareTo(points) > 0) {
                errors.add(FieldError.of("groups[" + i + "].maxPoints", "is less than the points of its criteria and not-computed "
                        + "items (" + inside.toPlainString() + ")"));
            }
        });
        return errors;
    }

    private static void bounded(String field, List<?> items, List<FieldError> errors) {
        if (items.size() > MAX_ITEMS) {
            errors.add(FieldError.of(field, "must have at most " + MAX_ITEMS + " items"));
        }
    }

    private static boolean positive(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null || value.signum() <= 0) {
            errors.add(FieldError.of(field, "must be more than 0"));
            return false;
        }
        return true;
    }

    private static void label(String field, IndicatorValue.Label label, List<FieldError> errors) {
        if (label == null) {
            errors.add(FieldError.of(field, "is required, with vi and en"));
            return;
        }
        if (blank(label.vi())) {
            errors.add(FieldError.of(field + ".vi", "is required"));
        }
        if (blank(label.en())) {
            errors.add(FieldError.of(field + ".en", "is required"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
