package vn.edu.haiphong.dvc.indicator.domain;

import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.indicator.domain.FactDay.FactKind;

/**
 * What an indicator counts, in one of eight shapes. The counting, the recount, the query, the series and the
 * drill-down all read an indicator's definition from here (the recount is checked against it).
 */
public sealed interface Definition {

    /** What the numerator and denominator count, and so what a drill-down lists and "how many more" counts. */
    enum Subject {
        DOSSIER, TRANSACTION, PROCEDURE, APPLICANT, UNIT
    }

    Subject subject();

    /**
     * Facts of one kind placed in the period by one day: the denominator counts those in {@code denominator}, the
     * numerator those of them in {@code numerator}. With {@code procedures}, only facts whose procedure has that
     * flag in the current catalogue count, in both. Additive over days and units.
     */
    record Ratio(Metric numerator, Metric denominator, ProcedureFlag procedures) implements Definition {

        public Ratio {
            if (numerator.day != denominator.day || numerator.sql == null || denominator.sql == null) {
                throw new IllegalArgumentException("A ratio counts facts of one day, one by one: " + numerator + " / " + denominator);
            }
        }

        public Ratio(Metric numerator, Metric denominator) {
            this(numerator, denominator, null);
        }

        @Override
        public Subject subject() {
            return denominator.kind() == FactKind.DOSSIER ? Subject.DOSSIER : Subject.TRANSACTION;
        }
    }

    /**
     * Distinct procedures: the denominator, those with a fact in {@code denominator} in the period and scope whose
     * catalogue entry has {@code procedures}; the numerator, those of them with a fact in {@code numerator} too.
     */
    record ProcedureShare(Metric numerator, Metric denominator, ProcedureFlag procedures) implements Definition {

        public ProcedureShare {
            if (!numerator.byProcedure || !denominator.byProcedure) {
                throw new IllegalArgumentException("Procedures are counted from counters kept by procedure");
            }
        }

        @Override
        public Subject subject() {
            return Subject.PROCEDURE;
        }
    }

    /**
     * r2: procedures of the whole current catalogue with {@code procedures}, whatever the scope (the denominator, as the
     * national scorecard counts), and those of them with a fact in {@code metric} in the period and scope (the numerator).
     */
    record ProcedureReach(Metric metric, ProcedureFlag procedures) implements Definition {

        public ProcedureReach {
            if (!metric.byProcedure) {
                throw new IllegalArgumentException("Procedures are counted from counters kept by procedure");
            }
        }

        @Override
        public Subject subject() {
            return Subject.PROCEDURE;
        }
    }

    /**
     * r2: distinct dossiers of the transactions in {@code denominator} in the period and scope, and those of them with a
     * transaction in {@code numerator} too. Not additive over days (a dossier paid twice counts once): counted from the
     * facts at query time.
     */
    record PaidDossiers(Metric numerator, Metric denominator) implements Definition {

        public PaidDossiers {
            if (numerator.kind() != FactKind.PAYMENT || numerator.day != denominator.day || numerator.sql == null || denominator.sql == null) {
                throw new IllegalArgumentException("Paid dossiers are counted from transactions of one day: " + numerator + " / " + denominator);
            }
        }

        @Override
        public Subject subject() {
            return Subject.DOSSIER;
        }
    }

    /** The current catalogue, whatever the period and unit: procedures with {@code denominator}, and those of them with {@code numerator}. */
    record Catalogue(ProcedureFlag numerator, ProcedureFlag denominator) implements Definition {

        @Override
        public Subject subject() {
            return Subject.PROCEDURE;
        }
    }

    /**
     * Distinct applicants of the dossiers in {@code dossiers} in the period and scope (counted in {@code distinct}), over
     * the scope's population (adultPopulation). A drill-down lists the dossiers.
     */
    record Applicants(Metric distinct, Metric dossiers) implements Definition {

        @Override
        public Subject subject() {
            return Subject.APPLICANT;
        }
    }

    /**
     * r2: dossiers in process, judged at the period's cut-off (the earlier of 24:00 of its last day and now). The
     * denominator: dossiers with RECEIVED whose processing ended in the period ({@code ended}, by end day), and, with
     * {@code openToo}, those open at the cut-off. The numerator: those of them not late at the cut-off, with
     * {@code ratedWell} only those whose latest rating, if any, is 3 or more. {@code endedNumerator} counts the ended
     * ones whose lateness is settled at their end; the others are read at the cut-off (IndicatorQueries).
     */
    record InProcess(Metric ended, Metric endedNumerator, boolean openToo, boolean ratedWell) implements Definition {

        /** The rating condition of the numerator, in SQL on dossier_fact (alias {@code a}). */
        public String ratingSql() {
            return ratedWell ? "(a.rating is null or a.rating >= 3)" : "true";
        }

        @Override
        public Subject subject() {
            return Subject.DOSSIER;
        }
    }

    /**
     * r2: units that did outreach of their own (section 8; appendix rows 12 and 13). The denominator: the units in scope
     * that {@code units} names, as the current reference data says; the numerator: those of them with at least one
     * {@code event} of their own (not of a unit below them) in the period, or with {@code everyWeek} in each week of the
     * period ({@link SchoolWeeks}); a period with no week has neither. Counted from the events at query time.
     */
    record UnitOutreach(OutreachEventType event, Units units, boolean everyWeek) implements Definition {

        /** Which units an outreach indicator is over, in SQL on unit_ref (alias {@code u}). */
        public enum Units {
            WITH_BROADCAST_SYSTEM("u.broadcast_system"),
            SCHOOLS("u.type = 'SCHOOL'");

            public final String sql;

            Units(String sql) {
                this.sql = sql;
            }
        }

        @Override
        public Subject subject() {
            return Subject.UNIT;
        }
    }
}
