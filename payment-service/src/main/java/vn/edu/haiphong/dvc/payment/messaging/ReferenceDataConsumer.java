package vn.edu.haiphong.dvc.payment.messaging;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.payment.service.ReferenceData;

/**
 * Keeps the local copy of units and procedures from dossier-service's compacted topics. Every record
 * either changes the copy or goes to the dead-letter topic with its reason; none closes the consumer.
 * A failure of the database is tried again until it passes, never skipped. Re-reading a record only
 * writes the same row again, so redelivery is harmless. A tombstone (no value) is not poison on a
 * compacted topic; it is ignored, since dossier-service deletes no unit or procedure and the copy keeps
 * what payments were checked against.
 */
@ApplicationScoped
public class ReferenceDataConsumer {

    public static final String UNITS_IN = "reference-units";
    public static final String PROCEDURES_IN = "reference-procedures";

    private final ReferenceData referenceData;
    private final DeadLetters deadLetters;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public ReferenceDataConsumer(ReferenceData referenceData, DeadLetters deadLetters) {
        this.referenceData = referenceData;
        this.deadLetters = deadLetters;
    }

    @Incoming(UNITS_IN)
    @Blocking
    public void unit(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        UnitRecord unit;
        try {
            unit = ReferenceRecordReader.unit(record.value());
        } catch (ReferenceRecordReader.Unprocessable e) {
            deadLetters.send(record, e.getMessage(), stopping::get);
            return;
        }
        store(record, () -> referenceData.save(unit));
    }

    @Incoming(PROCEDURES_IN)
    @Blocking
    public void procedure(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        ProcedureRecord procedure;
        try {
            procedure = ReferenceRecordReader.procedure(record.value());
        } catch (ReferenceRecordReader.Unprocessable e) {
            deadLetters.send(record, e.getMessage(), stopping::get);
            return;
        }
        store(record, () -> referenceData.save(procedure));
    }

    /**
     * Stores until it passes. The reader has already refused what the columns cannot hold; should the
     * database still refuse the data itself, the record is dead-lettered rather than tried for ever.
     */
    private void store(ConsumerRecord<byte[], byte[]> record, Runnable save) {
        Backoff.untilDone("store " + record.topic() + "-" + record.partition() + "@" + record.offset(), () -> {
            try {
                save.run();
            } catch (RuntimeException e) {
                String refusal = refusal(e);
                if (refusal == null) {
                    throw e;
                }
                deadLetters.send(record, refusal, stopping::get);
            }
        }, stopping::get);
    }

    /**
     * Why the database refused the data for good, or null for a failure that may pass: SQL states of
     * class 22 (data exception) and 23 (integrity constraint), except a unique key taken by a concurrent
     * look-up of the same code, which the next attempt updates instead.
     */
    static String refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if ((state.startsWith("22") || state.startsWith("23")) && !state.equals("23505")) {
                    String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
                    return "refused by the database (SQL state " + state + "): " + message;
                }
                return null;
            }
        }
        return null;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }
}
