package vn.edu.haiphong.dvc.dossier.mapping;

import java.time.OffsetDateTime;

import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;

public final class DossierEventMapper {

    private DossierEventMapper() {
    }

    /** The event as the outbox publishes it on {@link Topics#DOSSIER_EVENTS}, keyed by its dossier. */
    public static OutboxEvent toOutboxEvent(DossierEvent event, String payload) {
        return new OutboxEvent(Topics.DOSSIER_EVENTS, event.dossierCode(), payload, event.eventId(),
                CloudEventHeaders.TYPE_PREFIX + ".dossier." + event.type().name(), event.occurredAt());
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
