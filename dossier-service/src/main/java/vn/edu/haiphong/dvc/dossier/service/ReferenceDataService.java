package vn.edu.haiphong.dvc.dossier.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.dossier.api.ImportResult;
import vn.edu.haiphong.dvc.dossier.api.ProcedureDto;
import vn.edu.haiphong.dvc.dossier.api.UnitDto;
import vn.edu.haiphong.dvc.dossier.mapping.Csv;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.dossier.mapping.ReferenceMapper;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.dossier.repository.ProcedureEntity;
import vn.edu.haiphong.dvc.dossier.repository.ProcedureRepository;
import vn.edu.haiphong.dvc.dossier.repository.UnitEntity;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;

/**
 * The unit tree and the procedure catalogue: upserts, CSV imports, and publication of every change on
 * the compacted reference topics through the outbox.
 */
@ApplicationScoped
public class ReferenceDataService {

    public static final List<String> UNIT_COLUMNS = List.of("code", "name", "type", "parentCode", "adultPopulation",
            "broadcastSystem");
    public static final List<String> PROCEDURE_COLUMNS = List.of("code", "name", "field", "eligibleFullyOnline",
            "providedFullyOnline", "integratedNationalPortal", "feeBearing");
    private static final long REFERENCE_LOCK = 0x0D05_51E2_0EF0L;

    public enum Change { CREATED, UPDATED, UNCHANGED }

    public record Upserted<T>(T value, Change change) {
    }

    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final Outbox outbox;
    private final JsonCodec json;
    private final Validator validator;

    public ReferenceDataService(UnitRepository units, ProcedureRepository procedures, Outbox outbox, JsonCodec json,
            Validator validator) {
        this.units = units;
        this.procedures = procedures;
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
    }

    // ---- units ----

    public List<UnitDto> units() {
        return units.listOrdered().stream().map(ReferenceMapper::toDto).toList();
    }

    public Optional<UnitDto> unit(String code) {
        return units.findByIdOptional(code).map(ReferenceMapper::toDto);
    }

    @Transactional
    public Upserted<UnitDto> putUnit(String code, UnitDto body) {
        if (body.code() != null && !body.code().equals(code)) {
            throw ProblemException.invalid(List.of(FieldError.of("code", "must equal the code in the path ('" + code + "')")));
        }
        UnitDto unit = withCode(body, code);
        lockReferenceData();
        List<FieldError> errors = treeErrors(Map.of(code, unit), Map.of());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Change change = upsert(unit, now);
        return new Upserted<>(ReferenceMapper.toDto(units.findById(code)), change);
    }

    /** Imports the whole file or nothing: every bad row is reported with its number and reasons. */
    public ImportResult importUnits(String csv) {
        List<Csv.Row> rows = rows(csv, UNIT_COLUMNS, List.of("code", "name", "type"));
        List<FieldError> errors = new ArrayList<>();
        Map<String, UnitDto> incoming = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (Csv.Row row : rows) {
            UnitType type = null;
            String typeText = row.get("type");
            if (typeText != null) {
                try {
                    type = UnitType.valueOf(typeText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.inRow(row.number(), "type", "must be one of " + Arrays.toString(UnitType.values())));
                }
            }
            Long population = longCell(row, "adultPopulation", errors);
            Boolean broadcastSystem = boolCell(row, "broadcastSystem", errors);
            UnitDto unit = new UnitDto(row.get("code"), row.get("name"), type, row.get("parentCode"), population, broadcastSystem);
            addViolations(unit, row.number(), errors);
            if (unit.code() != null) {
                Integer earlier = rowOf.putIfAbsent(unit.code(), row.number());
                if (earlier != null) {
                    errors.add(FieldError.inRow(row.number(), "code", "'" + unit.code() + "' is already in row " + earlier));
                }
                incoming.putIfAbsent(unit.code(), unit);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            lockReferenceData();
            List<FieldError> treeErrors = treeErrors(incoming, rowOf);
            if (!treeErrors.isEmpty()) {
                throw ProblemException.invalid(sorted(treeErrors));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            int[] counts = new int[Change.values().length];
            for (UnitDto unit : parentsFirst(incoming)) {
                counts[upsert(unit, now).ordinal()]++;
            }
            return new ImportResult(counts[0], counts[1], counts[2]);
        });
    }

    private Change upsert(UnitDto unit, OffsetDateTime now) {
        UnitEntity entity = units.findById(unit.code());
        boolean created = entity == null;
        if (created) {
            entity = new UnitEntity();
            entity.code = unit.code();
            entity.createdAt = now;
        }
        boolean changed = ReferenceMapper.apply(unit, entity);
        if (!created && !changed) {
            return Change.UNCHANGED;
        }
        entity.updatedAt = now;
        if (created) {
            units.persist(entity);
        }
        publish(Topics.UNITS, entity.code, ReferenceMapper.toRecord(entity), "unit", now);
        return created ? Change.CREATED : Change.UPDATED;
    }

    /**
     * Every unit's parent must exist (already, or in the same request) and no unit may become its own
     * ancestor.
     */
    private List<FieldError> treeErrors(Map<String, UnitDto> incoming, Map<String, Integer> rowOf) {
        Map<String, Optional<String>> parentOfStored = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (UnitDto unit : incoming.values()) {
            String parent = unit.parentCode();
            if (parent != null && !incoming.containsKey(parent) && parentOf(parent, parentOfStored) == null) {
                errors.add(error(rowOf.get(unit.code()), "parentCode", "unit '" + parent + "' is not registered"));
            }
        }
        // Each unit has one parent: walking up from each unit, every unit is walked once in all (those already walked
        // are known to end at a root or in a cycle reported before), and each cycle is reported once, on the row of its
        // first unit in the file.
        Set<String> walked = new HashSet<>();
        for (UnitDto unit : incoming.values()) {
            Map<String, Integer> path = new LinkedHashMap<>();
            for (String current = unit.code(); current != null && !walked.contains(current); ) {
                if (path.containsKey(current)) {
                    List<String> cycle = new ArrayList<>(path.keySet()).subList(path.get(current), path.size());
                    // Its first unit in the file (a PUT has no rows: the unit put).
                    String first = cycle.stream().filter(incoming::containsKey)
                            .min(Comparator.comparing(c -> rowOf.getOrDefault(c, 0))).orElse(cycle.get(0));
                    errors.add(error(rowOf.get(first), "parentCode", "would make a cycle: " + cycleText(cycle, first)));
                    break;
                }
                path.put(current, path.size());
                UnitDto pending = incoming.get(current);
                Optional<String> next = pending != null ? Optional.ofNullable(pending.parentCode()) : parentOf(current, parentOfStored);
                current = next == null ? null : next.orElse(null);
            }
            walked.addAll(path.keySet());
        }
        return errors;
    }

    /** A cycle from its unit {@code first} back to it, its middle left out beyond ten units. */
    private static String cycleText(List<String> cycle, String first) {
        int start = cycle.indexOf(first);
        List<String> ordered = new ArrayList<>(cycle.subList(start, cycle.size()));
        ordered.addAll(cycle.subList(0, start));
        // Each unit's parent follows it: A → its parent → ... → A.
        List<String> shown = ordered.size() <= 10 ? ordered
                : List.of(ordered.get(0), ordered.get(1), ordered.get(2), "… (" + ordered.size() + " units in all) …",
                        ordered.get(ordered.size() - 1));
        return String.join(" → ", shown) + " → " + first;
    }

    /** The stored parent of a unit: null if the unit does not exist, empty if it is a root. */
    private Optional<String> parentOf(String code, Map<String, Optional<String>> cache) {
        if (!cache.containsKey(code)) {
            cache.put(code, units.findByIdOptional(code).map(u -> Optional.ofNullable(u.parentCode)).orElse(null));
        }
        return cache.get(code);
    }

    /** Orders new units so that a parent is stored before its children (the table's foreign key). */
    private static List<UnitDto> parentsFirst(Map<String, UnitDto> incoming) {
        List<UnitDto> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (UnitDto unit : incoming.values()) {
            place(unit, incoming, placed, ordered);
        }
        return ordered;
    }

    private static void place(UnitDto unit, Map<String, UnitDto> incoming, Set<String> placed, List<UnitDto> ordered) {
        if (placed.contains(unit.code())) {
            return;
        }
        placed.add(unit.code());
        UnitDto parent = unit.parentCode() == null ? null : incoming.get(unit.parentCode());
        if (parent != null) {
            place(parent, incoming, placed, ordered);
        }
        ordered.add(unit);
    }

    // ---- procedures ----

    public List<ProcedureDto> procedures() {
        return procedures.listOrdered().stream().map(ReferenceMapper::toDto).toList();
    }

    public Optional<ProcedureDto> procedure(String code) {
        return procedures.findByIdOptional(code).map(ReferenceMapper::toDto);
    }

    @Transactional
    public Upserted<ProcedureDto> putProcedure(String code, ProcedureDto body) {
        if (body.code() != null && !body.code().equals(code)) {
            throw ProblemException.invalid(List.of(FieldError.of("code", "must equal the code in the path ('" + code + "')")));
        }
        lockReferenceData();
        Change change = upsert(withCode(body, code), OffsetDateTime.now(ZoneOffset.UTC));
        return new Upserted<>(ReferenceMapper.toDto(procedures.findById(code)), change);
    }

    public ImportResult importProcedures(String csv) {
        List<Csv.Row> rows = rows(csv, PROCEDURE_COLUMNS, PROCEDURE_COLUMNS.stream().filter(c -> !c.equals("field")).toList());
        List<FieldError> errors = new ArrayList<>();
        Map<String, ProcedureDto> incoming = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (Csv.Row row : rows) {
            ProcedureDto procedure = new ProcedureDto(row.get("code"), row.get("name"), row.get("field"),
                    boolCell(row, "eligibleFullyOnline", errors), boolCell(row, "providedFullyOnline", errors),
                    boolCell(row, "integratedNationalPortal", errors), boolCell(row, "feeBearing", errors));
            addViolations(procedure, row.number(), errors);
            if (procedure.code() != null) {
                Integer earlier = rowOf.putIfAbsent(procedure.code(), row.number());
                if (earlier != null) {
                    errors.add(FieldError.inRow(row.number(), "code", "'" + procedure.code() + "' is already in row " + earlier));
                }
                incoming.putIfAbsent(procedure.code(), procedure);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            lockReferenceData();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            int[] counts = new int[Change.values().length];
            for (ProcedureDto procedure : incoming.values()) {
                counts[upsert(procedure, now).ordinal()]++;
            }
            return new ImportResult(counts[0], counts[1], counts[2]);
        });
    }

    private Change upsert(ProcedureDto procedure, OffsetDateTime now) {
        ProcedureEntity entity = procedures.findById(procedure.code());
        boolean created = entity == null;
        if (created) {
            entity = new ProcedureEntity();
            entity.code = procedure.code();
            entity.createdAt = now;
        }
        boolean changed = ReferenceMapper.apply(procedure, entity);
        if (!created && !changed) {
            return Change.UNCHANGED;
        }
        entity.updatedAt = now;
        if (created) {
            procedures.persist(entity);
        }
        publish(Topics.PROCEDURES, entity.code, ReferenceMapper.toRecord(entity), "procedure", now);
        return created ? Change.CREATED : Change.UPDATED;
    }

    // ---- shared ----

    /** Announces a record's new state on its compacted topic, keyed by its code; each change has an id of its own. */
    private void publish(String topic, String code, Object record, String kind, OffsetDateTime now) {
        outbox.enqueue(new OutboxEvent(topic, code, json.write(record), UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE_PREFIX + "." + kind + ".UPSERTED", now));
    }

    /**
     * Reference writes are rare and must see each other (a unit and its new parent, two edits of the tree
     * that together would close a cycle): one at a time across all instances.
     */
    private void lockReferenceData() {
        units.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, REFERENCE_LOCK)
                .getSingleResult();
    }

    /** The most rows one file may hold: a catalogue or a city's units fit many times over; split a larger file. */
    public static final int MAX_IMPORT_ROWS = 20_000;

    private static List<Csv.Row> rows(String csv, List<String> columns, List<String> required) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.malformed("The body is empty: a CSV file with a header row is expected");
        }
        try {
            List<String> header = Csv.header(csv);
            List<FieldError> missing = new ArrayList<>();
            for (String column : required) {
                if (!header.contains(column.toLowerCase(Locale.ROOT))) {
                    missing.add(FieldError.inRow(1, column, "column is missing from the header (expected: "
                            + String.join(",", columns) + ")"));
                }
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid(missing);
            }
            List<Csv.Row> rows = Csv.parse(csv);
            if (rows.isEmpty()) {
                throw ProblemException.invalid(List.of(FieldError.inRow(2, null, "the file has a header but no rows")));
            }
            if (rows.size() > MAX_IMPORT_ROWS) {
                throw ProblemException.invalid(List.of(FieldError.inRow(rows.get(MAX_IMPORT_ROWS).number(), null, "the file has "
                        + rows.size() + " rows: at most " + MAX_IMPORT_ROWS + " are imported at once; split it")));
            }
            return rows;
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.malformed(e.getMessage());
        }
    }

    /** Adds the row's Bean Validation failures, but not for a cell already reported as unreadable. */
    private <T> void addViolations(T dto, int row, List<FieldError> errors) {
        Set<String> reported = new HashSet<>();
        errors.stream().filter(e -> e.row() != null && e.row() == row).forEach(e -> reported.add(e.field()));
        for (ConstraintViolation<T> v : validator.validate(dto)) {
            String field = v.getPropertyPath().toString();
            if (!reported.contains(field)) {
                errors.add(FieldError.inRow(row, field, v.getMessage()));
            }
        }
    }

    private static Long longCell(Csv.Row row, String column, List<FieldError> errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            errors.add(FieldError.inRow(row.number(), column, "must be a whole number"));
            return null;
        }
    }

    private static Boolean boolCell(Csv.Row row, String column, List<FieldError> errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "x", "có" -> true;
            case "false", "0", "no", "không" -> false;
            default -> {
                errors.add(FieldError.inRow(row.number(), column, "must be true or false"));
                yield null;
            }
        };
    }

    private static FieldError error(Integer row, String field, String message) {
        return row == null ? FieldError.of(field, message) : FieldError.inRow(row, field, message);
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        List<FieldError> copy = new ArrayList<>(errors);
        copy.sort(Comparator.comparing((FieldError e) -> e.row() == null ? 0 : e.row())
                .thenComparing(e -> e.field() == null ? "" : e.field()));
        return copy;
    }

    private static UnitDto withCode(UnitDto dto, String code) {
        return new UnitDto(code, dto.name(), dto.type(), dto.parentCode(), dto.adultPopulation(), dto.broadcastSystem());
    }

    private static ProcedureDto withCode(ProcedureDto dto, String code) {
        return new ProcedureDto(code, dto.name(), dto.field(), dto.eligibleFullyOnline(), dto.providedFullyOnline(),
                dto.integratedNationalPortal(), dto.feeBearing());
    }
}
