package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.OpenApiChecks;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * The open dossiers of section 7 and a dossier's timeline, over generated dossiers whose dues lie around the real now
 * (past, earlier and later today, tomorrow, after a weekend, near the due-soon window's edge, far ahead into the next
 * year), some waiting on the applicant, some answered with a new due arriving before the request, some withdrawn or with
 * a result, all shuffled. The expected lists and counts are computed here, in plain Java, from what was sent and from
 * each answer's own {@code asOf}, with working days counted day by day over the calendars the service serves.
 * Every unit and dossier code starts with {@code OD-}, so that other classes' data in the shared database stays out.
 */
@QuarkusTest
class OpenDossiersTest {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String ROOT = "OD-ROOT";
    /** The tree: unit -> parent. */
    static final Map<String, String> PARENT = new LinkedHashMap<>();
    static final Map<String, String> NAME = new HashMap<>();
    static final Map<String, String> PROCEDURE_NAME = Map.of("OD-P1", "Chuyển trường cho học sinh trung học cơ sở",
            "OD-P2", "Cấp bản sao văn bằng, chứng chỉ");
    /** Applicant hashes as sent: none may show in any answer. */
    static final List<String> APPLICANTS = new ArrayList<>();

    static {
        PARENT.put(ROOT, null);
        PARENT.put("OD-D1", ROOT);
        PARENT.put("OD-D2", ROOT);
        PARENT.put("OD-S11", "OD-D1");
        PARENT.put("OD-S12", "OD-D1");
        PARENT.put("OD-S21", "OD-D2");
        NAME.put(ROOT, "Sở OD");
        NAME.put("OD-D1", "Phòng Giáo dục OD 1");
        NAME.put("OD-D2", "Phòng Giáo dục OD 2");
        NAME.put("OD-S11", "Trường OD 1-1");
        // A name a spreadsheet would run as a formula: served as it is, neutralised in the CSV.
        NAME.put("OD-S12", "=Trường OD 1-2");
        NAME.put("OD-S21", "Trường OD 2-1");
    }

    /** Every dossier sent, with its events. */
    static final Map<String, List<DossierEvent>> SENT = new LinkedHashMap<>();
    static final List<PaymentEvent> PAYMENTS = new ArrayList<>();
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        List<Object> messages = new ArrayList<>();
        PARENT.forEach((code, parent) -> messages.add(new UnitRecord(code, NAME.get(code),
                parent == null ? UnitType.DEPARTMENT : parent.equals(ROOT) ? UnitType.DISTRICT_OFFICE : UnitType.SCHOOL, parent, null)));
        PROCEDURE_NAME.forEach((code, name) -> messages.add(new ProcedureRecord(code, name, "Giáo dục", true, true, true, true)));
        generate();
        List<Object> events = new ArrayList<>();
        SENT.values().forEach(events::addAll);
        events.addAll(PAYMENTS);
        Collections.shuffle(events, new Random(11));
        messages.addAll(events);
        Published.send(messages);
        // Applied once the list of the whole tree is exactly the expected one (codes, states, dues and requests).
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            JsonPath page = list(Map.of("unit", ROOT, "size", 500));
            return page.getList("items.dossierCode").equals(expected(ROOT, null, 2, asOf(page)).stream().map(Dossier::code).toList())
                    && matches(page, expected(ROOT, null, 2, asOf(page)));
        });
    }

    // ---- the data ---------------------------------------------------------------------------------------------------

    private static void generate() {
        Random random = new Random(2026);
        OffsetDateTime now = OffsetDateTime.now(VN).withNano(0);
        LocalDate today = now.toLocalDate();
        List<String> units = new ArrayList<>(PARENT.keySet());
        for (int i = 0; i < 96; i++) {
            String code = String.format("OD-%03d", i);
            String unit = units.get(random.nextInt(units.size()));
            String procedure = random.nextBoolean() ? "OD-P1" : "OD-P2";
            OffsetDateTime due = due(i % 10, now, today);
            OffsetDateTime received = earliest(now.minusHours(3), due.minusHours(1)).minusDays(random.nextInt(6)).minusMinutes(random.nextInt(60));
            List<DossierEvent> events = new ArrayList<>();
            String applicant = String.format("%064x", 0xD0551E0000L + i);
            APPLICANTS.add(applicant);
            events.add(new DossierEvent(code + "-S", DossierEventType.SUBMITTED, received.minusDays(1), code, procedure, unit,
                    Channel.ONLINE, true, new Applicant(ApplicantKind.CITIZEN, applicant, true, true), null, null, null));
            int variant = random.nextInt(20);
            if (variant != 0) {
                events.add(event(code, "R", DossierEventType.RECEIVED, received, procedure, unit, due));
            }
            int supplement = random.nextInt(4);
            if (supplement >= 1) {
                events.add(event(code, "Q1", DossierEventType.SUPPLEMENT_REQUESTED, received.plusMinutes(30), procedure, unit, null));
            }
            if (supplement >= 2) {
                // The answer, with a new due for some; sent before the request (the shuffle does the rest).
                OffsetDateTime newDue = random.nextBoolean() ? due(1 + random.nextInt(9), now, today) : null;
                if (newDue != null && newDue.isBefore(received.plusMinutes(60))) {
                    newDue = received.plusMinutes(90);
                }
                events.add(0, event(code, "A1", DossierEventType.SUPPLEMENT_RECEIVED, received.plusMinutes(60), procedure, unit, newDue));
            }
            if (supplement == 3 && random.nextBoolean()) {
                events.add(event(code, "Q2", DossierEventType.SUPPLEMENT_REQUESTED, received.plusMinutes(90), procedure, unit, null));
            }
            if (variant >= 1 && variant <= 3) {
                events.add(new DossierEvent(code + "-I", DossierEventType.RESULT_ISSUED, now.minusMinutes(10), code, procedure, unit,
                        null, null, null, null, Outcome.APPROVED, null));
            }
            if (variant >= 3 && variant <= 5) {
                events.add(event(code, "W", DossierEventType.WITHDRAWN, now.minusMinutes(variant == 3 ? 5 : 20), procedure, unit, null));
            }
            SENT.put(code, events);
        }
        // For the timeline: payments, a result after a withdrawal, a dossier never received.
        OffsetDateTime t = now.minusDays(4).withHour(9).withMinute(0).withSecond(0);
        List<DossierEvent> paid = new ArrayList<>(List.of(
                event("OD-T01", "R", DossierEventType.RECEIVED, t.plusHours(1), "OD-P2", "OD-S12", t.plusDays(10)),
                new DossierEvent("OD-T01-S", DossierEventType.SUBMITTED, t, "OD-T01", "OD-P2", "OD-S12", Channel.ONLINE, true,
                        new Applicant(ApplicantKind.CITIZEN, String.format("%064x", 0xD0551E9999L), true, false), null, null, null),
                event("OD-T01", "Q1", DossierEventType.SUPPLEMENT_REQUESTED, t.plusHours(2), "OD-P2", "OD-S12", null),
                event("OD-T01", "A1", DossierEventType.SUPPLEMENT_RECEIVED, t.plusHours(2), "OD-P2", "OD-S12", t.plusDays(12)),
                new DossierEvent("OD-T01-I", DossierEventType.RESULT_ISSUED, t.plusDays(1), "OD-T01", "OD-P2", "OD-S12", null, null, null,
                        null, Outcome.REFUSED, null),
                event("OD-T01", "W", DossierEventType.WITHDRAWN, t.plusDays(2), "OD-P2", "OD-S12", null)));
        APPLICANTS.add(String.format("%064x", 0xD0551E9999L));
        SENT.put("OD-T01", paid);
        PAYMENTS.add(new PaymentEvent("OD-T01-P1", PaymentEventType.PAID, "OD-TX-1", t.plusHours(3), "OD-T01", "OD-P2", "OD-S12", 50_000L,
                PaymentMethod.NATIONAL_PORTAL));
        PAYMENTS.add(new PaymentEvent("OD-T01-P2", PaymentEventType.PAID, "OD-TX-2", t.plusHours(4), "OD-T01", "OD-P2", "OD-S12", 20_000L,
                PaymentMethod.CASH));
        PAYMENTS.add(new PaymentEvent("OD-T01-P3", PaymentEventType.REFUNDED, "OD-TX-2", t.plusHours(5), "OD-T01", "OD-P2", "OD-S12", null,
                null));
        SENT.put("OD-T02", List.of(event("OD-T02", "R", DossierEventType.RECEIVED, t, "OD-P1", "OD-S21", t.plusDays(5)),
                event("OD-T02", "W", DossierEventType.WITHDRAWN, t.plusDays(1), "OD-P1", "OD-S21", null),
                new DossierEvent("OD-T02-I", DossierEventType.RESULT_ISSUED, t.plusDays(2), "OD-T02", "OD-P1", "OD-S21", null, null, null,
                        null, Outcome.APPROVED, null)));
    }

    /** Dues around now, by kind: before, and after, the edges the states turn on. */
    private static OffsetDateTime due(int kind, OffsetDateTime now, LocalDate today) {
        switch (kind) {
            case 0: return now.minusDays(6).withHour(10).withMinute(0).withSecond(0);
            case 1: return now.minusHours(2);
            case 2: return today.atTime(LocalTime.of(23, 59)).atOffset(VN);
            case 3: return today.plusDays(1).atTime(16, 0).atOffset(VN);
            case 4: return today.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(10, 0).atOffset(VN);
            case 5: return today.plusDays(3).atTime(17, 0).atOffset(VN);
            case 6: return today.plusDays(4).atTime(8, 0).atOffset(VN);
            case 7: return today.plusDays(6).atTime(12, 0).atOffset(VN);
            case 8: return today.plusDays(45).atTime(9, 30).atOffset(VN);
            default: return today.plusDays(400).atTime(15, 0).atOffset(VN);
        }
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static DossierEvent event(String code, String suffix, DossierEventType type, OffsetDateTime at, String procedure, String unit,
            OffsetDateTime due) {
        return new DossierEvent(code + "-" + suffix, type, at, code, procedure, unit, null, null, null, due, null, null);
    }

    // ---- the independent reading --------------------------------------------------------------------------------------

    record Dossier(String code, String unit, String procedure, String state, OffsetDateTime received, OffsetDateTime due, int requests,
            Long late, Long left) {
    }

    /** What section 7 says the scope's open dossiers are at asOf, oldest due first, then by code. */
    static List<Dossier> expected(String scope, String state, int within, OffsetDateTime asOf) {
        LocalDate today = asOf.toLocalDate();
        List<Dossier> out = new ArrayList<>();
        for (Map.Entry<String, List<DossierEvent>> e : SENT.entrySet()) {
            List<DossierEvent> events = e.getValue();
            DossierEvent first = events.get(0);
            if (!in(first.unitCode(), scope)) {
                continue;
            }
            OffsetDateTime received = null;
            OffsetDateTime ended = null;
            DossierEvent dueEvent = null;
            DossierEvent lastSupplement = null;
            int requests = 0;
            for (DossierEvent ev : events) {
                switch (ev.type()) {
                    case RECEIVED -> received = ev.occurredAt();
                    case RESULT_ISSUED, WITHDRAWN -> ended = ended == null || ev.occurredAt().isBefore(ended) ? ev.occurredAt() : ended;
                    default -> { }
                }
                if ((ev.type() == DossierEventType.RECEIVED || ev.type() == DossierEventType.SUPPLEMENT_RECEIVED) && ev.dueAt() != null
                        && (dueEvent == null || ev.occurredAt().isAfter(dueEvent.occurredAt())
                                || (ev.occurredAt().isEqual(dueEvent.occurredAt()) && ev.eventId().compareTo(dueEvent.eventId()) > 0))) {
                    dueEvent = ev;
                }
                if (ev.type() == DossierEventType.SUPPLEMENT_REQUESTED) {
                    requests++;
                }
                if (ev.type() == DossierEventType.SUPPLEMENT_REQUESTED || ev.type() == DossierEventType.SUPPLEMENT_RECEIVED) {
                    if (lastSupplement == null || later(ev, lastSupplement)) {
                        lastSupplement = ev;
                    }
                }
            }
            if (received == null || ended != null) {
                continue;
            }
            OffsetDateTime due = dueEvent.dueAt();
            LocalDate dueDay = due.atZoneSameInstant(VN).toLocalDate();
            boolean waiting = lastSupplement != null && lastSupplement.type() == DossierEventType.SUPPLEMENT_REQUESTED;
            String s;
            if (waiting) {
                s = "waiting";
            } else if (due.isBefore(asOf)) {
                s = "overdue";
            } else if (workingDays(today, dueDay) <= within) {
                s = "due-soon";
            } else {
                s = "on-track";
            }
            if (state != null && !state.equals(s)) {
                continue;
            }
            out.add(new Dossier(e.getKey(), first.unitCode(), first.procedureCode(), s, received, due, requests,
                    s.equals("overdue") ? workingDays(dueDay, today) : null, s.equals("overdue") ? null : workingDays(today, dueDay)));
        }
        out.sort(Comparator.comparing((Dossier d) -> d.due().toInstant()).thenComparing(Dossier::code));
        return out;
    }

    /** Later in the order of "waits on the applicant": by time, a request before an answer at one instant, then by id. */
    private static boolean later(DossierEvent a, DossierEvent b) {
        if (!a.occurredAt().isEqual(b.occurredAt())) {
            return a.occurredAt().isAfter(b.occurredAt());
        }
        if (a.type() != b.type()) {
            return a.type() == DossierEventType.SUPPLEMENT_RECEIVED;
        }
        return a.eventId().compareTo(b.eventId()) > 0;
    }

    static boolean in(String unit, String scope) {
        for (String u = unit; u != null; u = PARENT.get(u)) {
            if (u.equals(scope)) {
                return true;
            }
        }
        return false;
    }

    /** A year's calendar as served: its holidays and working weekend days. */
    record Year(Set<String> holidays, Set<String> worked) {
    }

    private static final Map<Integer, Year> CALENDARS = new HashMap<>();

    /** Working days d with a < d <= b, one day at a time, on the calendars the service serves for the years. */
    static long workingDays(LocalDate a, LocalDate b) {
        long n = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            Year year = CALENDARS.computeIfAbsent(d.getYear(), y -> {
                JsonPath served = given().auth().oauth2(TestTokens.reader()).get("/api/v1/calendars/" + y).then().statusCode(200)
                        .extract().jsonPath();
                return new Year(new HashSet<>(served.getList("holidays", String.class)),
                        new HashSet<>(served.getList("workingWeekendDays", String.class)));
            });
            String day = d.toString();
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if ((weekday && !year.holidays().contains(day)) || year.worked().contains(day)) {
                n++;
            }
        }
        return n;
    }

    // ---- checks -------------------------------------------------------------------------------------------------------

    static JsonPath list(Map<String, ?> parameters) {
        return given().auth().oauth2(TestTokens.reader()).queryParams(parameters).get("/api/v1/open-dossiers").then().statusCode(200)
                .extract().jsonPath();
    }

    static OffsetDateTime asOf(JsonPath answer) {
        return OffsetDateTime.parse(answer.getString("asOf"));
    }

    /** Every item as expected, field by field. */
    static boolean matches(JsonPath page, List<Dossier> expected) {
        List<Map<String, Object>> items = page.getList("items");
        if (items.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            assertItem(items.get(i), expected.get(i));
        }
        return true;
    }

    static void assertItem(Map<String, Object> item, Dossier d) {
        assertThat(item.get("dossierCode")).isEqualTo(d.code());
        assertThat(item.get("state")).as(d.code()).isEqualTo(d.state());
        assertThat(item.get("unitCode")).isEqualTo(d.unit());
        assertThat(item.get("unitName")).isEqualTo(NAME.get(d.unit()));
        assertThat(item.get("procedureCode")).isEqualTo(d.procedure());
        assertThat(item.get("procedureName")).isEqualTo(PROCEDURE_NAME.get(d.procedure()));
        assertThat(OffsetDateTime.parse((String) item.get("due")).toInstant()).as(d.code()).isEqualTo(d.due().toInstant());
        assertThat(OffsetDateTime.parse((String) item.get("receivedAt")).toInstant()).isEqualTo(d.received().toInstant());
        assertThat(((Number) item.get("supplementRequests")).intValue()).as(d.code()).isEqualTo(d.requests());
        assertThat(number(item.get("workingDaysLate"))).as(d.code() + " late").isEqualTo(d.late());
        assertThat(number(item.get("workingDaysLeft"))).as(d.code() + " left").isEqualTo(d.left());
        assertThat(item.containsKey(d.late() == null ? "workingDaysLate" : "workingDaysLeft")).isFalse();
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    @Test
    void listsEveryScopeStateWindowAndPageAsTheContractReadsThem() {
        String[] states = { null, "waiting", "overdue", "due-soon", "on-track" };
        for (String scope : List.of(ROOT, "OD-D1", "OD-S11", "OD-D2", "OD-S21")) {
            for (String state : states) {
                for (int within : new int[] { 0, 2, 5, 30 }) {
                    Map<String, Object> p = new HashMap<>(Map.of("unit", scope, "within", within, "size", 7));
                    if (state != null) {
                        p.put("state", state);
                    }
                    JsonPath first = list(p);
                    List<Dossier> all = expected(scope, state, within, asOf(first));
                    assertThat(first.getLong("total")).as("%s %s %d", scope, state, within).isEqualTo(all.size());
                    assertThat(first.getInt("within")).isEqualTo(within);
                    assertThat(first.getString("unit")).isEqualTo(scope);
                    matches(first, all.subList(0, Math.min(7, all.size())));
                    if (all.size() > 7) {
                        p.put("page", 1);
                        JsonPath second = list(p);
                        matches(second, expected(scope, state, within, asOf(second)).subList(7, Math.min(14, all.size())));
                    }
                }
            }
        }
        // The whole tree page by page, and a page past the end.
        List<Dossier> all = expected(ROOT, null, 2, OffsetDateTime.now(VN));
        List<String> codes = new ArrayList<>();
        for (int page = 0; page * 10 < all.size() + 10; page++) {
            codes.addAll(list(Map.of("unit", ROOT, "size", 10, "page", page)).getList("items.dossierCode"));
        }
        assertThat(codes).containsExactlyElementsOf(all.stream().map(Dossier::code).toList());
        assertThat(new HashSet<>(codes)).hasSize(codes.size());
        // The generated data does reach every state, and every kind of end.
        assertThat(all.stream().map(Dossier::state).distinct()).contains("waiting", "overdue", "due-soon", "on-track");
        assertThat(all.stream().map(Dossier::code)).doesNotContain("OD-T01", "OD-T02");
    }

    @Test
    void withoutAUnitEveryOpenDossierIsListedOursAmongThem() {
        JsonPath page = list(Map.of("size", 500, "state", "waiting"));
        assertThat(page.getString("unit")).isNull();
        List<String> ours = page.<String>getList("items.dossierCode").stream().filter(c -> c.startsWith("OD-")).toList();
        assertThat(ours).containsExactlyElementsOf(expected(ROOT, "waiting", 2, asOf(page)).stream().map(Dossier::code).toList());
    }

    @Test
    void summariesCountEachStateForTheScopeAndEachUnitBelowRankedByOverdue() {
        for (String scope : List.of(ROOT, "OD-D1", "OD-S11")) {
            for (int within : new int[] { 0, 2, 30 }) {
                JsonPath summary = given().auth().oauth2(TestTokens.reader()).queryParam("unit", scope).queryParam("within", within)
                        .get("/api/v1/open-dossiers/summary").then().statusCode(200).extract().jsonPath();
                OffsetDateTime asOf = asOf(summary);
                assertThat(summary.getString("unit")).isEqualTo(scope);
                assertThat(summary.getInt("within")).isEqualTo(within);
                assertThat(counts(summary.getMap("counts"))).as(scope).isEqualTo(counts(expected(scope, null, within, asOf)));
                List<String> children = PARENT.entrySet().stream().filter(e -> scope.equals(e.getValue())).map(Map.Entry::getKey).toList();
                List<Map<String, Object>> units = summary.getList("units");
                assertThat(units).extracting(u -> (String) u.get("code")).containsExactlyElementsOf(children.stream()
                        .sorted(Comparator.comparingLong((String c) -> -counts(expected(c, null, within, asOf)).get("overdue"))
                                .thenComparing(Comparator.naturalOrder()))
                        .toList());
                for (Map<String, Object> u : units) {
                    assertThat(u.get("name")).isEqualTo(NAME.get((String) u.get("code")));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) u.get("counts");
                    assertThat(counts(c)).as((String) u.get("code")).isEqualTo(counts(expected((String) u.get("code"), null, within, asOf)));
                }
            }
        }
        // Without a unit: the roots, ours among them with the whole tree's counts.
        JsonPath all = given().auth().oauth2(TestTokens.reader()).get("/api/v1/open-dossiers/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getString("unit")).isNull();
        assertThat(all.getInt("within")).isEqualTo(2);
        List<Map<String, Object>> roots = all.getList("units");
        @SuppressWarnings("unchecked")
        Map<String, Object> ours = (Map<String, Object>) roots.stream().filter(u -> ROOT.equals(u.get("code"))).findFirst().orElseThrow()
                .get("counts");
        assertThat(counts(ours)).isEqualTo(counts(expected(ROOT, null, 2, asOf(all))));
        for (int i = 1; i < roots.size(); i++) {
            assertThat(overdue(roots.get(i - 1))).isGreaterThanOrEqualTo(overdue(roots.get(i)));
        }
    }

    @SuppressWarnings("unchecked")
    private static long overdue(Map<String, Object> unit) {
        return ((Number) ((Map<String, Object>) unit.get("counts")).get("overdue")).longValue();
    }

    private static Map<String, Long> counts(Map<String, Object> served) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String s : List.of("waiting", "overdue", "due-soon", "on-track")) {
            c.put(s, ((Number) served.get(s)).longValue());
        }
        assertThat(served).hasSize(4);
        return c;
    }

    private static Map<String, Long> counts(List<Dossier> dossiers) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String s : List.of("waiting", "overdue", "due-soon", "on-track")) {
            c.put(s, dossiers.stream().filter(d -> d.state().equals(s)).count());
        }
        return c;
    }

    @Test
    void theCsvExportCarriesTheWholeFilteredListWithVietnameseHeadings() {
        Response r = given().auth().oauth2(TestTokens.reader()).queryParam("unit", "OD-D1").queryParam("format", "csv")
                .queryParam("size", 1).get("/api/v1/open-dossiers");
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("ho-so-dang-giai-quyet-OD-D1-"))
                .header("Content-Disposition", containsString(".csv"));
        byte[] bytes = r.asByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<List<String>> lines = csv(text);
        assertThat(text).startsWith("Mã hồ sơ,Trạng thái,Mã thủ tục,Thủ tục,Mã đơn vị,Đơn vị,Ngày tiếp nhận,Hạn giải quyết,"
                + "Số lần yêu cầu bổ sung,Số ngày làm việc quá hạn,Số ngày làm việc còn lại\r\n");
        // A name beginning with "=" gets a leading apostrophe (OWASP's rule against CSV formula injection).
        assertThat(text).contains(",'=Trường OD 1-2,").doesNotContain(",=Trường");
        // The procedure's name has a comma: quoted.
        assertThat(text).contains(",\"Cấp bản sao văn bằng, chứng chỉ\",");
        List<Dossier> expected = expected("OD-D1", null, 2, OffsetDateTime.now(VN));
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSize(11));
        assertThat(r.header("X-Total-Count")).isEqualTo(String.valueOf(expected.size()));
        assertThat(r.header("X-Truncated")).isEqualTo("false");
        Map<String, String> vi = Map.of("waiting", "Chờ bổ sung", "overdue", "Quá hạn", "due-soon", "Sắp đến hạn", "on-track", "Trong hạn");
        for (int i = 0; i < expected.size(); i++) {
            Dossier d = expected.get(i);
            List<String> row = lines.get(i + 1);
            String[] cells = row.toArray(new String[0]);
            assertThat(cells[0]).isEqualTo(d.code());
            assertThat(cells[1]).isEqualTo(vi.get(d.state()));
            assertThat(cells[3]).isEqualTo(PROCEDURE_NAME.get(d.procedure()));
            String name = NAME.get(d.unit());
            assertThat(cells[5]).isEqualTo(name.startsWith("=") ? "'" + name : name);
            assertThat(cells[7]).isEqualTo(d.due().atZoneSameInstant(VN).toLocalDateTime().toString().substring(0, 16).replace('T', ' '));
            assertThat(cells[8]).isEqualTo(String.valueOf(d.requests()));
            assertThat(cells[9]).isEqualTo(d.late() == null ? "" : d.late().toString());
            assertThat(cells[10]).isEqualTo(d.left() == null ? "" : d.left().toString());
        }
    }

    /** RFC 4180: fields split at commas outside quotes, "" inside quotes is one quote, records end with CRLF. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    @Test
    void theXlsxExportHasTheSameRowsNumbersAsNumbers() throws Exception {
        Response r = given().auth().oauth2(TestTokens.reader()).queryParam("unit", ROOT).queryParam("state", "overdue")
                .queryParam("format", "xlsx").get("/api/v1/open-dossiers");
        r.then().statusCode(200).header("Content-Disposition", containsString("ho-so-dang-giai-quyet-OD-ROOT-"));
        List<Dossier> expected = expected(ROOT, "overdue", 2, OffsetDateTime.now(VN));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            Sheet sheet = book.getSheet("Hồ sơ đang giải quyết");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hồ sơ");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Hạn giải quyết");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("Số ngày làm việc quá hạn");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(expected.get(i).code());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Quá hạn");
                assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(expected.get(i).requests());
                assertThat((long) row.getCell(9).getNumericCellValue()).isEqualTo(expected.get(i).late());
            }
        }
    }

    @Test
    void aTimelineShowsTheEventsInOrderTheStatePaymentsAndNothingPersonal() {
        Response r = given().auth().oauth2(TestTokens.reader()).get("/api/v1/dossiers/OD-T01");
        r.then().statusCode(200).body("dossierCode", equalTo("OD-T01")).body("state", equalTo("result-issued"))
                .body("procedureCode", equalTo("OD-P2")).body("procedureName", equalTo(PROCEDURE_NAME.get("OD-P2")))
                .body("unitCode", equalTo("OD-S12")).body("unitName", equalTo(NAME.get("OD-S12")))
                .body("supplementRequests", equalTo(1));
        JsonPath t = r.jsonPath();
        List<DossierEvent> sent = new ArrayList<>(SENT.get("OD-T01"));
        sent.sort(Comparator.comparing((DossierEvent e) -> e.occurredAt().toInstant()).thenComparing(DossierEvent::eventId));
        assertThat(t.<String>getList("events.eventId")).containsExactlyElementsOf(sent.stream().map(DossierEvent::eventId).toList());
        assertThat(t.<String>getList("events.type")).containsExactlyElementsOf(sent.stream().map(e -> e.type().name()).toList());
        DossierEvent answer = sent.stream().filter(e -> e.type() == DossierEventType.SUPPLEMENT_RECEIVED).findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(t.getString("due")).toInstant()).isEqualTo(answer.dueAt().toInstant());
        Map<String, Object> result = t.getMap("events.find { it.type == 'RESULT_ISSUED' }");
        assertThat(result).containsEntry("outcome", "REFUSED");
        Map<String, Object> submitted = t.getMap("events.find { it.type == 'SUBMITTED' }");
        assertThat(submitted).containsEntry("channel", "ONLINE").doesNotContainKey("applicant");
        DossierEvent issued = sent.stream().filter(e -> e.type() == DossierEventType.RESULT_ISSUED).findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(t.getString("endedAt")).toInstant()).isEqualTo(issued.occurredAt().toInstant());
        assertThat(t.<String>getList("payments.transactionId")).containsExactly("OD-TX-1", "OD-TX-2");
        assertThat(t.<String>getList("payments.method")).containsExactly("NATIONAL_PORTAL", "CASH");
        assertThat(t.<Integer>getList("payments.amount")).containsExactly(50_000, 20_000);
        assertThat(t.<Boolean>getList("payments.refunded")).containsExactly(false, true);
        assertNothingPersonal(r.asString());

        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dossiers/OD-T02").then().statusCode(200)
                .body("state", equalTo("withdrawn")).body("payments.size()", equalTo(0));
        // Every generated dossier: its state now with within 2, as the lists say.
        OffsetDateTime now = OffsetDateTime.now(VN);
        Map<String, String> open = new HashMap<>();
        expected(ROOT, null, 2, now).forEach(d -> open.put(d.code(), d.state()));
        for (Map.Entry<String, List<DossierEvent>> e : SENT.entrySet()) {
            if (!e.getKey().matches("OD-\\d+")) {
                continue;
            }
            Response one = given().auth().oauth2(TestTokens.reader()).get("/api/v1/dossiers/" + e.getKey());
            one.then().statusCode(200);
            String state = one.jsonPath().getString("state");
            List<DossierEvent> events = e.getValue();
            OffsetDateTime result2 = at(events, DossierEventType.RESULT_ISSUED);
            OffsetDateTime withdrawn = at(events, DossierEventType.WITHDRAWN);
            String expected;
            if (result2 != null || withdrawn != null) {
                expected = withdrawn == null || (result2 != null && !result2.isAfter(withdrawn)) ? "result-issued" : "withdrawn";
            } else if (at(events, DossierEventType.RECEIVED) == null) {
                expected = "not-received";
            } else {
                expected = open.get(e.getKey());
                // A due passing between the two readings is the one case the clock decides.
                if ("overdue".equals(state) && !Objects.equals(expected, state)) {
                    expected = "overdue";
                }
            }
            assertThat(state).as(e.getKey()).isEqualTo(expected);
            assertThat(one.jsonPath().getList("events")).hasSize(events.size());
            assertNothingPersonal(one.asString());
        }
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dossiers/OD-NO-SUCH").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static OffsetDateTime at(List<DossierEvent> events, DossierEventType type) {
        return events.stream().filter(e -> e.type() == type).map(DossierEvent::occurredAt).findFirst().orElse(null);
    }

    private static void assertNothingPersonal(String body) {
        assertThat(body).doesNotContain("applicant").doesNotContain("idHash");
        for (String hash : APPLICANTS) {
            assertThat(body).doesNotContain(hash);
        }
    }

    @Test
    void badParametersAreNamed() {
        Set<List<String>> cases = Set.of(List.of("state", "late"), List.of("within", "31"), List.of("within", "-1"),
                List.of("within", "two"), List.of("page", "100001"), List.of("page", "-1"), List.of("size", "0"),
                List.of("size", "501"), List.of("unit", "OD-NO-SUCH"), List.of("format", "pdf"));
        for (List<String> c : cases) {
            given().auth().oauth2(TestTokens.reader()).queryParam(c.get(0), c.get(1)).get("/api/v1/open-dossiers").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(c.get(0)));
        }
        given().auth().oauth2(TestTokens.reader()).queryParam("within", "31").get("/api/v1/open-dossiers/summary").then()
                .statusCode(400).body("errors[0].field", equalTo("within"));
        given().auth().oauth2(TestTokens.reader()).queryParam("unit", "OD-NO-SUCH").get("/api/v1/open-dossiers/summary").then()
                .statusCode(400).body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(TestTokens.reader()).queryParam("page", "100000").queryParam("unit", ROOT).get("/api/v1/open-dossiers")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void readersOnlyAndEveryOperationNamed() {
        for (String path : List.of("/api/v1/open-dossiers", "/api/v1/open-dossiers/summary", "/api/v1/dossiers/OD-T01")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.ingest()).get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.admin()).get(path).then().statusCode(200);
        }
        OpenApiChecks.assertStable(Map.ofEntries(
                entry("GET /api/v1/calendars/{year}", "getCalendar"),
                entry("PUT /api/v1/calendars/{year}", "putCalendar"),
                entry("GET /api/v1/open-dossiers", "listOpenDossiers"),
                entry("GET /api/v1/open-dossiers/summary", "summarizeOpenDossiers"),
                entry("GET /api/v1/dossiers/{dossierCode}", "getDossierTimeline")));
    }
}
