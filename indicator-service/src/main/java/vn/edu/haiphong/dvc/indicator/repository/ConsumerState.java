package vn.edu.haiphong.dvc.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;

/** Everything the consumer has built from the topics, as one: what a rebuild from the topics starts again from nothing. */
@ApplicationScoped
public class ConsumerState {

    private final Jdbc jdbc;

    public ConsumerState(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empties the facts, the dossiers' timelines, the processed events, the reference copies and the counters (plans and
     * calendars stay), and marks the counters to be counted again from the facts once they are rebuilt (V16): until then
     * batches leave the counters alone. Under the tree lock, held exclusively, taken first as by every writer of the counters.
     */
    public void forgetEverything() {
        jdbc.list("select dvc_lock_tree(true)", rs -> rs.getObject(1));
        jdbc.update("truncate table dossier_fact, dossier_event_log, payment_fact, payment_event_log, outreach_fact, processed_event, unit_ref, procedure_ref, indicator_count, adult_applicant");
        jdbc.update("update counter_state set recount_pending = true, pending_since = now() where id = 1");
    }
}
