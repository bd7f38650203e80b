package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.indicator.domain.Definition.Ratio;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Subject;

/** The definitions of section 5, as the contract's table says them. */
class IndicatorTest {

    @Test
    void whatEachIndicatorCountsIsTheContractsSubject() {
        Map<String, Subject> subjects = Arrays.stream(Indicator.values()).collect(Collectors.toMap(i -> i.id, i -> i.subject));
        assertThat(subjects).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("procedures-fully-online", Subject.PROCEDURE), Map.entry("fully-online-on-national-portal", Subject.PROCEDURE),
                Map.entry("online-submission", Subject.DOSSIER), Map.entry("fully-online-dossiers", Subject.DOSSIER),
                Map.entry("dossier-digitization", Subject.DOSSIER), Map.entry("result-digitization", Subject.DOSSIER),
                Map.entry("dossiers-in-system", Subject.DOSSIER), Map.entry("results-synced", Subject.DOSSIER),
                Map.entry("online-payments", Subject.TRANSACTION), Map.entry("cashless-payments", Subject.TRANSACTION),
                Map.entry("fee-procedures-paid-online", Subject.PROCEDURE), Map.entry("adult-online-users", Subject.APPLICANT),
                Map.entry("on-time-results", Subject.DOSSIER), Map.entry("satisfaction", Subject.DOSSIER),
                Map.entry("processed-on-time", Subject.DOSSIER), Map.entry("handled-without-complaint", Subject.DOSSIER),
                Map.entry("weekly-broadcasts", Subject.UNIT), Map.entry("schools-with-outreach-sessions", Subject.UNIT),
                Map.entry("fee-procedures-with-dossiers", Subject.PROCEDURE), Map.entry("dossiers-paid-online", Subject.DOSSIER),
                Map.entry("dossier-and-result-digitized", Subject.DOSSIER), Map.entry("vneid-applicants", Subject.DOSSIER),
                Map.entry("fully-online-of-eligible", Subject.DOSSIER)));
    }

    @Test
    void aRatiosTwoMetricsPlaceAFactByTheSameDay() {
        for (Indicator indicator : Indicator.values()) {
            if (indicator.definition instanceof Ratio r) {
                assertThat(r.numerator().day).as(indicator.id).isEqualTo(r.denominator().day);
            }
        }
        assertThatThrownBy(() -> new Ratio(Metric.RESULT_ON_TIME, Metric.SUBMITTED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ratio(Metric.ADULT_APPLICANTS, Metric.SUBMITTED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIndicatorsAreServedInTheContractsOrder() {
        assertThat(Arrays.stream(Indicator.values()).map(i -> i.id)).containsExactly("procedures-fully-online",
                "fully-online-on-national-portal", "online-submission", "fully-online-dossiers", "dossier-digitization",
                "result-digitization", "dossiers-in-system", "results-synced", "online-payments", "cashless-payments",
                "fee-procedures-paid-online", "adult-online-users", "on-time-results", "satisfaction", "processed-on-time",
                "weekly-broadcasts", "schools-with-outreach-sessions", "fee-procedures-with-dossiers", "dossiers-paid-online",
                "dossier-and-result-digitized", "vneid-applicants", "fully-online-of-eligible", "handled-without-complaint");
    }

    @Test
    void onlyTheTwoCatalogueIndicatorsIgnorePeriodAndUnit() {
        assertThat(Arrays.stream(Indicator.values()).filter(Indicator::catalogue).map(i -> i.id))
                .containsExactly("procedures-fully-online", "fully-online-on-national-portal");
    }

    @Test
    void everyMetricCodeIsDistinctAndEveryAdditiveMetricHasItsRuleInSql() {
        assertThat(Arrays.stream(Metric.values()).map(m -> m.code).distinct()).hasSize(Metric.values().length);
        // A metric of one day per fact has its rule in SQL; one of runs of days, the column that holds its runs.
        assertThat(Metric.ADDITIVE).allSatisfy(m -> assertThat(m.day == FactDay.CUT_OFF ? m.runsColumn : m.sql).isNotBlank())
                .doesNotContain(Metric.ADULT_APPLICANTS);
    }
}
