package vn.edu.haiphong.dvc.indicator.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.ScorecardDefinitionDto;
import vn.edu.haiphong.dvc.indicator.api.ScorecardResponse;
import vn.edu.haiphong.dvc.indicator.domain.TargetGap;

/**
 * The contract's rule (section 10), and nothing else: a criterion scores maxPoints × min(1, value / fullAt) from its
 * indicator's served (rounded) value, rounded half-up to 2 decimals; without a value it scores nothing and its points
 * leave the possible total. A total is its criteria's exact points summed, then rounded. The indicators are taken as
 * served: this class never counts anything.
 */
public final class Scoring {

    private Scoring() {
    }

    /** The scorecard of one scope, from that scope's served indicators. */
    public static ScorecardResponse score(ScorecardDefinitionDto definition, int definitionYear, IndicatorsResponse indicators) {
        Map<String, IndicatorValue> served = new HashMap<>();
        indicators.indicators().forEach(v -> served.put(v.id(), v));
        Fraction earned = Fraction.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        List<ScorecardResponse.Group> groups = new ArrayList<>();
        for (ScorecardDefinitionDto.Group group : definition.groups()) {
            Fraction groupEarned = Fraction.ZERO;
            BigDecimal groupPossible = BigDecimal.ZERO;
            List<ScorecardResponse.Criterion> criteria = new ArrayList<>();
            for (ScorecardDefinitionDto.Criterion c : definition.criteria()) {
                if (!DefinitionRules.groupOf(c).equals(group.id())) {
                    continue;
                }
                // An indicator this service does not serve (yet) has no value: the criterion scores nothing, as without data.
                IndicatorValue v = served.get(c.indicator());
                BigDecimal value = v == null ? null : v.value();
                if (value == null) {
                    criteria.add(new ScorecardResponse.Criterion(c.id(), c.indicator(), v == null ? null : v.name(),
                            v == null ? null : v.subject(), v == null ? null : v.numerator(), v == null ? null : v.denominator(), null,
                            c.fullAt(), c.maxPoints(), null, null, null));
                    continue;
                }
                Fraction exact = points(c, value);
                groupEarned = groupEarned.plus(exact);
                groupPossible = groupPossible.add(c.maxPoints());
                BigDecimal points = exact.hundredths();
                criteria.add(new ScorecardResponse.Criterion(c.id(), c.indicator(), v.name(), v.subject(), v.numerator(), v.denominator(),
                        value, c.fullAt(), c.maxPoints(), points, c.maxPoints().subtract(points),
                        TargetGap.needed(v.numerator(), v.denominator(), c.fullAt())));
            }
            if (criteria.isEmpty()) {
                continue;
            }
            earned = earned.plus(groupEarned);
            possible = possible.add(groupPossible);
            groups.add(new ScorecardResponse.Group(group.id(), group.name(), group.maxPoints(), groupEarned.hundredths(),
                    hundredths(groupPossible), criteria));
        }
        return new ScorecardResponse(indicators.from(), indicators.to(), indicators.unit(), indicators.asOf(), definition.version(),
                definitionYear, true, total(definition), earned.hundredths(), hundredths(possible), groups, notComputed(definition));
    }

    /** maxPoints × min(1, value / fullAt), exactly. */
    static Fraction points(ScorecardDefinitionDto.Criterion c, BigDecimal value) {
        return Fraction.of(c.maxPoints()).times(Fraction.of(value).dividedBy(Fraction.of(c.fullAt())).min(Fraction.ONE));
    }

    /** The definition's total: its groups' points, and those of the not-computed items that lie in no group (group 1 in 2024). */
    public static BigDecimal total(ScorecardDefinitionDto definition) {
        Set<String> ids = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ScorecardDefinitionDto.Group g : definition.groups()) {
            ids.add(g.id());
            total = total.add(g.maxPoints());
        }
        for (ScorecardDefinitionDto.NotComputed n : notComputed(definition)) {
            if (!ids.contains(DefinitionRules.groupOf(n))) {
                total = total.add(n.maxPoints());
            }
        }
        return total;
    }

    private static List<ScorecardDefinitionDto.NotComputed> notComputed(ScorecardDefinitionDto definition) {
        return definition.notComputed() == null ? List.of() : definition.notComputed();
    }

    private static BigDecimal hundredths(BigDecimal sum) {
        return sum.setScale(2, RoundingMode.HALF_UP);
    }
}
