package vn.edu.haiphong.dvc.dossier.mapping;

import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;

public final class DossierEventMapper {

    private DossierEventMapper() {
    }

    /** The event as the outbox publishes it on {@link Topics#DOSSIER_EVENTS}, keyed by its dossier. */
    public static OutboxEvent toOutboxEvent(DossierEvent event, String payload) {
        return new OutboxEvent(Topics.DOSSIER_EVENTS, event.dossierCode(), payload, event.eventId(),
                CloudEventHeaders.TYPE_PREFIX + ".dossier." + event.type().name(), event.occurredAt());
    }
}
