package vn.edu.haiphong.dvc.dossier.mapping;

import java.time.OffsetDateTime;

import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;

public final class DossierEventMapper {

    private DossierEventMapper() {
    }

    public static String cloudEventType(DossierEvent event) {
        return CloudEventHeaders.TYPE_PREFIX + ".dossier." + event.type().name();
    }

    /** Moves the dossier's public milestones forward with one of its events. */
    public static void applyMilestone(DossierEntity dossier, DossierEvent event, OffsetDateTime now) {
        switch (event.type()) {
            case SUBMITTED -> dossier.submittedAt = event.occurredAt();
            case RECEIVED -> {
                dossier.receivedAt = event.occurredAt();
                dossier.dueAt = event.dueAt();
            }
            case RESULT_ISSUED -> dossier.resultIssuedAt = event.occurredAt();
            case WITHDRAWN -> dossier.withdrawnAt = event.occurredAt();
            default -> {
                // Digitization, synchronisation and ratings are not part of the public progress.
            }
        }
        dossier.updatedAt = now;
    }
}
