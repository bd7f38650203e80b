package vn.edu.haiphong.dvc.indicator.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The state of a dossier open now (CONTRACT section 7), tried in this order: it waits on the applicant; its due is
 * before now; its due day is at most {@code within} working days after today; the rest. Each open dossier is in
 * exactly one. The rule itself is one SQL expression ({@code OpenDossierQueries.STATE}), since the lists, counts and
 * timelines all read it from the facts.
 */
public enum OpenState {

    WAITING("waiting", "Chờ bổ sung"),
    OVERDUE("overdue", "Quá hạn"),
    DUE_SOON("due-soon", "Sắp đến hạn"),
    ON_TRACK("on-track", "Trong hạn");

    /** The contract's name, in the API and the SQL. */
    public final String id;
    /** In the exports' Vietnamese. */
    public final String vi;

    OpenState(String id, String vi) {
        this.id = id;
        this.vi = vi;
    }

    public static Optional<OpenState> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
