package vn.edu.haiphong.dvc.indicator.service;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;

/** A message read from one of the topics, already parsed into its contract type: one of five. */
public sealed interface Received {

    /** The topic it was read from. */
    String topic();

    /** The contract record itself. */
    Object message();

    record Dossier(DossierEvent message) implements Received {
        @Override
        public String topic() {
            return Topics.DOSSIER_EVENTS;
        }
    }

    record Payment(PaymentEvent message) implements Received {
        @Override
        public String topic() {
            return Topics.PAYMENT_EVENTS;
        }
    }

    /** r2: a broadcast aired or a session held (section 8). */
    record Outreach(OutreachEvent message) implements Received {
        @Override
        public String topic() {
            return Topics.OUTREACH_EVENTS;
        }
    }

    record Unit(UnitRecord message) implements Received {
        @Override
        public String topic() {
            return Topics.UNITS;
        }
    }

    record Procedure(ProcedureRecord message) implements Received {
        @Override
        public String topic() {
            return Topics.PROCEDURES;
        }
    }
}
