package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.contract.DepartmentTime;

/** One dossier as this service knows it: its fact, its logged events ({@code dossier_event_log}) and its payments. Nothing personal. */
@ApplicationScoped
public class DossierTimelines {

    /** The fact's non-personal part, with its state now. */
    public record Dossier(String dossierCode, String procedureCode, String procedureName, String unitCode, String unitName,
            String state, OffsetDateTime due, OffsetDateTime receivedAt, OffsetDateTime endedAt, int supplementRequests) {
    }

    /** One logged event: its id, type, time and the non-personal fields of its type. */
    public record Event(String eventId, String type, OffsetDateTime occurredAt, Map<String, Object> details) {
    }

    public record Payment(String transactionId, OffsetDateTime paidAt, String method, Long amount, boolean refunded) {
    }

    /** Its state: ended (by whichever of result and withdrawal came first), not received, or the state open now. */
    private static final String STATE = "case when f.ended_at is not null then"
            + " case when f.result_issued_at is not null and f.result_issued_at = f.ended_at then 'result-issued' else 'withdrawn' end"
            + " when f.received_at is null then 'not-received' else " + OpenDossierQueries.STATE + " end";

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    public DossierTimelines(Jdbc jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public Optional<Dossier> dossier(String code, OpenDossierQueries.Cut cut) {
        return jdbc.first("select f.dossier_code, f.procedure_code, p.name, f.unit_code, u.name, " + STATE + ", f.due_at,"
                + " f.received_at, f.ended_at, f.supplement_requests"
                + " from dossier_fact f left join procedure_ref p on p.code = f.procedure_code"
                + " left join unit_ref u on u.code = f.unit_code where f.dossier_code = ?",
                rs -> new Dossier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        local(rs.getObject(7, OffsetDateTime.class)), local(rs.getObject(8, OffsetDateTime.class)),
                        local(rs.getObject(9, OffsetDateTime.class)), rs.getInt(10)),
                cut.now(), cut.dueSoonBefore(), code);
    }

    /** Its events by occurredAt, then eventId. */
    public List<Event> events(String code) {
        return jdbc.list("select event_id, type, occurred_at, cast(details as text) from dossier_event_log where dossier_code = ?"
                + " order by occurred_at, event_id",
                rs -> new Event(rs.getString(1), rs.getString(2), local(rs.getObject(3, OffsetDateTime.class)), details(rs.getString(4))),
                code);
    }

    /** Its payment transactions, by when they were paid (a refund known before its payment last), then id. */
    public List<Payment> payments(String code) {
        return jdbc.list("select transaction_id, paid_at, method, amount, refunded from payment_fact where dossier_code = ?"
                + " order by paid_at nulls last, transaction_id",
                rs -> new Payment(rs.getString(1), local(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getBoolean(5)),
                code);
    }

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(DepartmentTime.OFFSET);
    }

    private Map<String, Object> details(String json) {
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A logged event's details are not JSON", e);
        }
    }
}
