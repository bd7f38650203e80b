package vn.edu.haiphong.dvc.dossier.mapping;

import java.time.OffsetDateTime;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.dossier.api.PublicProgress.Stage;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;

/**
 * The public milestones of a dossier (sections 2 and 4 of the contract): each event moves them, and they come out the
 * same whatever order the events arrive in. Pure: no database, no clock.
 */
public final class Milestones {

    private Milestones() {
    }

    /** Moves the dossier's public milestones with one of its events. */
    public static void apply(DossierEntity dossier, DossierEvent event, OffsetDateTime now) {
        switch (event.type()) {
            case SUBMITTED -> dossier.submittedAt = event.occurredAt();
            case RECEIVED -> dossier.receivedAt = event.occurredAt();
            case RESULT_ISSUED -> dossier.resultIssuedAt = event.occurredAt();
            case WITHDRAWN -> dossier.withdrawnAt = event.occurredAt();
            default -> {
                // Digitization, synchronisation and ratings are not part of the public progress.
            }
        }
        if (event.type().setsDue() && event.dueAt() != null
                && isLaterDue(event.occurredAt(), event.eventId(), dossier.dueSetAt, dossier.dueSetBy)) {
            dossier.dueAt = event.dueAt();
            dossier.dueSetAt = event.occurredAt();
            dossier.dueSetBy = event.eventId();
        }
        if (isSupplement(event.type())
                && isLaterSupplement(event.occurredAt(), event.type(), dossier.lastSupplementAt, dossier.lastSupplementType)) {
            dossier.lastSupplementAt = event.occurredAt();
            dossier.lastSupplementType = event.type();
        }
        dossier.updatedAt = now;
    }

    /** Where the dossier stands: the furthest milestone reached, or, received and open, whether it waits on the applicant. */
    public static Stage stage(DossierEntity dossier) {
        if (dossier.withdrawnAt != null) {
            return Stage.WITHDRAWN;
        }
        if (dossier.resultIssuedAt != null) {
            return Stage.RESULT_ISSUED;
        }
        if (dossier.receivedAt != null) {
            return dossier.lastSupplementType == DossierEventType.SUPPLEMENT_REQUESTED ? Stage.WAITING_FOR_SUPPLEMENT
                    : Stage.PROCESSING;
        }
        return Stage.SUBMITTED;
    }

    /**
     * Whether a due-setting event comes after the one that set the current due (none: {@code currentAt} null): by
     * occurredAt (the instant, whatever the offset), then by eventId.
     */
    static boolean isLaterDue(OffsetDateTime at, String eventId, OffsetDateTime currentAt, String currentEventId) {
        if (currentAt == null) {
            return true;
        }
        int byTime = at.toInstant().compareTo(currentAt.toInstant());
        return byTime != 0 ? byTime > 0 : eventId.compareTo(currentEventId) > 0;
    }

    /**
     * Whether a supplement event comes after the latest one so far (none: {@code currentAt} null): by occurredAt; at the
     * same instant a request sorts before a receipt, so an answer given at the moment of the request closes it.
     */
    static boolean isLaterSupplement(OffsetDateTime at, DossierEventType type, OffsetDateTime currentAt,
            DossierEventType currentType) {
        if (currentAt == null) {
            return true;
        }
        int byTime = at.toInstant().compareTo(currentAt.toInstant());
        return byTime != 0 ? byTime > 0 : rank(type) > rank(currentType);
    }

    private static boolean isSupplement(DossierEventType type) {
        return type == DossierEventType.SUPPLEMENT_REQUESTED || type == DossierEventType.SUPPLEMENT_RECEIVED;
    }

    private static int rank(DossierEventType supplementType) {
        return supplementType == DossierEventType.SUPPLEMENT_REQUESTED ? 0 : 1;
    }
}
