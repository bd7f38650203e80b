package vn.edu.haiphong.dvc.testing.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;

/**
 * Everything a test got accepted: the current units and procedures, every event once (by eventId), and (r2) the school
 * breaks of the calendars it set.
 * {@link Expected} computes the indicators from it.
 */
public final class Ledger {

    final Map<String, UnitRecord> units = new LinkedHashMap<>();
    final Map<String, ProcedureRecord> procedures = new LinkedHashMap<>();
    final Map<String, DossierEvent> dossierEvents = new LinkedHashMap<>();
    final Map<String, PaymentEvent> paymentEvents = new LinkedHashMap<>();
    final Map<String, OutreachEvent> outreachEvents = new LinkedHashMap<>();
    /** Each school break set: its first and last day. */
    final List<LocalDate[]> schoolBreaks = new ArrayList<>();

    /** Records a unit, procedure, dossier event or payment event; a repeated event is recorded once. */
    public synchronized void remember(Object message) {
        if (message instanceof DossierEvent e) {
            dossierEvents.putIfAbsent(e.eventId(), e);
        } else if (message instanceof PaymentEvent e) {
            paymentEvents.putIfAbsent(e.eventId(), e);
        } else if (message instanceof OutreachEvent e) {
            outreachEvents.putIfAbsent(e.eventId(), e);
        } else if (message instanceof UnitRecord u) {
            units.put(u.code(), u);
        } else if (message instanceof ProcedureRecord p) {
            procedures.put(p.code(), p);
        } else {
            throw new IllegalArgumentException(message.getClass().getName());
        }
    }

    /** r2: a school break [from, to] of a calendar the test set (PUT /api/v1/calendars/{year}). */
    public synchronized void schoolBreak(LocalDate from, LocalDate to) {
        schoolBreaks.add(new LocalDate[] {from, to});
    }

    public synchronized void rememberAll(Collection<?> messages) {
        messages.forEach(this::remember);
    }

    /** How many distinct dossier and payment events were accepted. */
    public synchronized int eventCount() {
        return dossierEvents.size() + paymentEvents.size();
    }

    /** Every dossier event accepted, once each, in the order they were first sent. */
    public synchronized List<DossierEvent> dossierEvents() {
        return List.copyOf(dossierEvents.values());
    }

    public synchronized UnitRecord unit(String code) {
        return units.get(code);
    }
}
