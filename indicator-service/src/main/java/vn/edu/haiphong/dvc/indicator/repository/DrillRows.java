package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.edu.haiphong.dvc.indicator.domain.Definition.Subject;
import vn.edu.haiphong.dvc.indicator.domain.Processing.StepEvent;
import vn.edu.haiphong.dvc.indicator.repository.Jdbc.Sql;

/**
 * What a drill-down row carries beyond its codes (procedure and unit with their names, the dossier's dates, channel,
 * payment method and amount), read in the page's own statement: the codes of the indicator's definition joined to the
 * facts and the reference copies, never a query per row. Nothing personal is selected: no applicant column at all.
 */
public final class DrillRows {

    /** The columns of an enriched row (alias {@code r}), each with the SQL type its null takes where a subject has none. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        for (String text : List.of("dossier_code", "transaction_id", "procedure_code", "procedure_name", "unit_code", "unit_name",
                "channel", "method")) {
            COLUMNS.put(text, "varchar");
        }
        for (String time : List.of("submitted_at", "received_at", "due_at", "result_issued_at", "withdrawn_at", "ended_at",
                "rated_at", "paid_at")) {
            COLUMNS.put(time, "timestamptz");
        }
        COLUMNS.put("rating", "integer");
        COLUMNS.put("fully_online", "boolean");
        COLUMNS.put("amount", "bigint");
        COLUMNS.put("steps", "text");
    }

    /** What a row can be ordered by: its name in the API, its column, and the subjects whose rows have it. */
    public enum Sort {
        DOSSIER_CODE("dossierCode", "dossier_code", Subject.DOSSIER, Subject.TRANSACTION),
        TRANSACTION_ID("transactionId", "transaction_id", Subject.TRANSACTION),
        PROCEDURE_CODE("procedureCode", "procedure_code", Subject.DOSSIER, Subject.TRANSACTION, Subject.PROCEDURE),
        PROCEDURE_NAME("procedureName", "procedure_name", Subject.DOSSIER, Subject.TRANSACTION, Subject.PROCEDURE),
        UNIT_CODE("unitCode", "unit_code", Subject.DOSSIER, Subject.TRANSACTION, Subject.UNIT),
        UNIT_NAME("unitName", "unit_name", Subject.DOSSIER, Subject.TRANSACTION, Subject.UNIT),
        SUBMITTED_AT("submittedAt", "submitted_at", Subject.DOSSIER),
        RECEIVED_AT("receivedAt", "received_at", Subject.DOSSIER),
        DUE("due", "due_at", Subject.DOSSIER),
        RESULT_ISSUED_AT("resultIssuedAt", "result_issued_at", Subject.DOSSIER),
        WITHDRAWN_AT("withdrawnAt", "withdrawn_at", Subject.DOSSIER),
        ENDED_AT("endedAt", "ended_at", Subject.DOSSIER),
        RATED_AT("ratedAt", "rated_at", Subject.DOSSIER),
        RATING("rating", "rating", Subject.DOSSIER),
        CHANNEL("channel", "channel", Subject.DOSSIER, Subject.TRANSACTION),
        PAID_AT("paidAt", "paid_at", Subject.DOSSIER, Subject.TRANSACTION),
        METHOD("method", "method", Subject.DOSSIER, Subject.TRANSACTION),
        AMOUNT("amount", "amount", Subject.TRANSACTION);

        public final String id;
        final String column;
        private final Set<Subject> subjects;

        Sort(String id, String column, Subject first, Subject... more) {
            this.id = id;
            this.column = column;
            this.subjects = EnumSet.of(first, more);
        }

        public boolean appliesTo(Subject subject) {
            return subjects.contains(subject);
        }

        /** By its API name; {@code dueDate} is the due too (the name a clerk tries first). */
        public static Optional<Sort> byId(String id) {
            if ("dueDate".equals(id)) {
                return Optional.of(DUE);
            }
            return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
        }

        public static List<String> ids(Subject subject) {
            return Arrays.stream(values()).filter(s -> s.appliesTo(subject)).map(s -> s.id).toList();
        }
    }

    /**
     * How to list the rows: ordered by {@code sort} (null: the codes' order, as always), descending or not, then by the
     * codes; only those of {@code procedure} and of exactly the unit {@code unitCode} when given (the scope's {@code unit}
     * already takes a whole subtree).
     */
    public record Query(Sort sort, boolean descending, String procedure, String unitCode) {

        public static final Query DEFAULT = new Query(null, false, null, null);

        boolean plain() {
            return sort == null && procedure == null && unitCode == null;
        }
    }

    /** One row, with what its subject has (the rest null). {@code steps}: a dossier's RECEIVED and supplement events. */
    public record Row(String dossierCode, String transactionId, String procedureCode, String procedureName, String unitCode,
            String unitName, OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            OffsetDateTime resultIssuedAt, OffsetDateTime withdrawnAt, OffsetDateTime endedAt, OffsetDateTime ratedAt,
            Integer rating, String channel, Boolean fullyOnline, OffsetDateTime paidAt, String method, Long amount,
            List<StepEvent> steps) {
    }

    private DrillRows() {
    }

    /**
     * The enriched rows of a subject over the codes' statement {@code k}. Dossiers join their fact (left: a paid
     * dossier may be known from its payments alone); {@code paid}: the codes carry the dossier's payments of the period
     * (paid_at, method, procedure_code, unit_code), for the paid-dossier indicators.
     */
    static Sql enriched(Subject subject, Sql codes, boolean paid) {
        Map<String, String> c = new LinkedHashMap<>();
        String from;
        switch (subject) {
            case TRANSACTION -> {
                for (String col : List.of("dossier_code", "transaction_id", "procedure_code", "unit_code", "paid_at", "method", "amount")) {
                    c.put(col, "t." + col);
                }
                c.put("channel", "d.channel");
                from = " from (" + "%s" + ") k join payment_fact t on t.transaction_id = k.transaction_id"
                        + " left join dossier_fact d on d.dossier_code = t.dossier_code"
                        + " left join procedure_ref p on p.code = t.procedure_code left join unit_ref u on u.code = t.unit_code";
            }
            case PROCEDURE -> {
                c.put("procedure_code", "k.code");
                from = " from (%s) k left join procedure_ref p on p.code = k.code";
            }
            case UNIT -> {
                c.put("unit_code", "k.code");
                from = " from (%s) k left join unit_ref u on u.code = k.code";
            }
            default -> {
                c.put("dossier_code", "k.dossier_code");
                for (String col : List.of("submitted_at", "received_at", "due_at", "result_issued_at", "withdrawn_at", "ended_at",
                        "rated_at", "channel", "fully_online")) {
                    c.put(col, "a." + col);
                }
                c.put("rating", "cast(a.rating as integer)");
                c.put("steps", "cast(a.steps as text)");
                c.put("procedure_code", paid ? "coalesce(a.procedure_code, k.procedure_code)" : "a.procedure_code");
                c.put("unit_code", paid ? "coalesce(a.unit_code, k.unit_code)" : "a.unit_code");
                if (paid) {
                    c.put("paid_at", "k.paid_at");
                    c.put("method", "k.method");
                }
                from = " from (%s) k " + (paid ? "left " : "") + "join dossier_fact a on a.dossier_code = k.dossier_code"
                        + " left join procedure_ref p on p.code = " + c.get("procedure_code")
                        + " left join unit_ref u on u.code = " + c.get("unit_code");
            }
        }
        if (subject != Subject.UNIT) {
            c.put("procedure_name", "p.name");
        }
        if (subject != Subject.PROCEDURE) {
            c.put("unit_name", "u.name");
        }
        String select = COLUMNS.entrySet().stream()
                .map(e -> c.getOrDefault(e.getKey(), "cast(null as " + e.getValue() + ")") + " as " + e.getKey())
                .collect(Collectors.joining(", ", "select ", ""));
        String[] around = from.split("%s", 2);
        return new Sql().add(select + around[0]).add(codes).add(around[1]);
    }

    /** The query's filters on an enriched row (alias {@code r}): {@code " where ..."} or nothing. */
    static Sql where(Query q) {
        Sql where = new Sql();
        String glue = " where ";
        if (q.procedure() != null) {
            where.add(glue + "r.procedure_code = ?", q.procedure());
            glue = " and ";
        }
        if (q.unitCode() != null) {
            where.add(glue + "r.unit_code = ?", q.unitCode());
        }
        return where;
    }

    /** The order of enriched rows: the sort asked for (empty values last either way), then the subject's codes. */
    static String order(Subject subject, Query q) {
        String codes = switch (subject) {
            case TRANSACTION -> "r.dossier_code, r.transaction_id";
            case PROCEDURE -> "r.procedure_code";
            case UNIT -> "r.unit_code";
            default -> "r.dossier_code";
        };
        return q.sort() == null ? codes : "r." + q.sort().column + (q.descending() ? " desc" : "") + " nulls last, " + codes;
    }

    static Row row(ResultSet rs) throws SQLException {
        String steps = rs.getString("steps");
        return new Row(rs.getString("dossier_code"), rs.getString("transaction_id"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), rs.getString("unit_code"), rs.getString("unit_name"), time(rs, "submitted_at"),
                time(rs, "received_at"), time(rs, "due_at"), time(rs, "result_issued_at"), time(rs, "withdrawn_at"),
                time(rs, "ended_at"), time(rs, "rated_at"), (Integer) rs.getObject("rating"), rs.getString("channel"),
                (Boolean) rs.getObject("fully_online"), time(rs, "paid_at"), rs.getString("method"),
                rs.getObject("amount") == null ? null : rs.getLong("amount"), steps == null ? List.of() : DossierSteps.parse(steps));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
