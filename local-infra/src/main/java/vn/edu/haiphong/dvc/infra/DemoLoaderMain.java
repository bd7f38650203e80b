package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.edu.haiphong.dvc.contract.DepartmentTime;

/**
 * Loads the quick start's demo data through the services' public APIs, as the one-stop office system
 * and the payment platform would: the Hai Phong department with its district offices and a few dozen
 * schools (CSV import), a catalogue of education procedures (CSV import), and this year's dossiers and
 * payments so far, drawn so that the indicators land near the plan's targets, some met and some not. Some dossiers
 * are sent back to their applicant to be completed (r2: SUPPLEMENT_REQUESTED, answered by a SUPPLEMENT_RECEIVED often
 * with a new appointment, or still waiting), and a cohort open today fills the board of open dossiers: new, in process,
 * due in the coming days, due days ago, waiting, moved, withdrawn while open.
 * The data set is synthetic: names follow the city's real districts and the sector's procedures, but the
 * codes, schools and dossiers are invented.
 */
public final class DemoLoaderMain {

    private static final String USAGE = "Usage: DemoLoaderMain --tokens FILE [--dossier-url URL] [--payment-url URL] "
            + "[--indicator-url URL] [--dossiers N]";
    private static final int BATCH = 500;

    private static final String[][] DISTRICTS = {
            { "HONGBANG", "quận Hồng Bàng", "85000" }, { "NGOQUYEN", "quận Ngô Quyền", "130000" },
            { "LECHAN", "quận Lê Chân", "165000" }, { "HAIAN", "quận Hải An", "95000" }, { "KIENAN", "quận Kiến An", "90000" },
            { "DOSON", "quận Đồ Sơn", "38000" }, { "DUONGKINH", "quận Dương Kinh", "45000" },
            { "THUYNGUYEN", "thành phố Thủy Nguyên", "240000" }, { "ANDUONG", "huyện An Dương", "140000" },
            { "ANLAO", "huyện An Lão", "115000" }, { "KIENTHUY", "huyện Kiến Thụy", "110000" },
            { "TIENLANG", "huyện Tiên Lãng", "115000" }, { "VINHBAO", "huyện Vĩnh Bảo", "135000" },
            { "CATHAI", "huyện Cát Hải", "25000" }, { "BACHLONGVI", "huyện Bạch Long Vĩ", "600" } };
    private static final String[] HIGH_SCHOOLS = { "Trần Phú", "Thái Phiên", "Ngô Quyền", "Lê Quý Đôn", "Hồng Bàng",
            "Lê Hồng Phong", "Hải An", "Kiến An", "Thủy Sơn", "Vĩnh Bảo", "Tiên Lãng", "An Lão" };
    private static final String[] SCHOOL_NAMES = { "Chu Văn An", "Đinh Tiên Hoàng", "Lý Thường Kiệt", "Nguyễn Trãi",
            "Võ Thị Sáu", "Hoa Phượng", "Hoa Sen", "Tô Hiệu", "Lương Khánh Thiện", "Bạch Đằng" };
    /** code, name, field, eligible, provided, integrated, fee-bearing */
    private static final String[][] PROCEDURES = {
            { "1.005090", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", "1", "1", "1", "0" },
            { "1.005092", "Chuyển trường đối với học sinh trung học cơ sở", "Giáo dục trung học", "1", "1", "1", "0" },
            { "1.005088", "Xin học lại tại trường khác đối với học sinh trung học", "Giáo dục trung học", "1", "1", "0", "0" },
            { "2.002478", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", "1", "1", "1", "1" },
            { "2.002479", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Văn bằng, chứng chỉ", "1", "1", "1", "0" },
            { "1.001000", "Phúc khảo bài thi tốt nghiệp trung học phổ thông", "Thi, tuyển sinh", "1", "1", "1", "1" },
            { "1.005142", "Đăng ký dự thi cấp chứng chỉ ứng dụng công nghệ thông tin", "Thi, tuyển sinh", "1", "1", "0", "1" },
            { "1.004515", "Tuyển sinh trung học cơ sở", "Thi, tuyển sinh", "1", "1", "1", "0" },
            { "1.004516", "Tuyển sinh trung học phổ thông", "Thi, tuyển sinh", "1", "1", "1", "0" },
            { "1.005099", "Xét tuyển học sinh vào trường phổ thông dân tộc nội trú", "Thi, tuyển sinh", "1", "0", "0", "0" },
            { "1.004441", "Công nhận trường mầm non đạt chuẩn quốc gia", "Giáo dục mầm non", "1", "0", "0", "0" },
            { "1.004439", "Cho phép trường trung học phổ thông hoạt động giáo dục", "Giáo dục trung học", "0", "0", "0", "0" },
            { "1.005106", "Xác nhận hoạt động giáo dục kỹ năng sống và hoạt động giáo dục ngoài giờ chính khóa",
                    "Giáo dục và đào tạo", "1", "1", "1", "0" },
            { "2.001914", "Đề nghị miễn, giảm học phí, hỗ trợ chi phí học tập", "Giáo dục và đào tạo", "1", "1", "1", "0" },
            { "1.000181", "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", "Giáo dục nghề nghiệp", "1", "1", "1", "1" } };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20_240_214L);
    /**
     * The draws of the r2 additions (supplements, the open dossiers of today), apart from {@link #random} so that the
     * rest of the data set keeps its distribution.
     */
    private final Random board = new Random(20_261_202L);
    /** r2: the draws of the outreach (broadcasts, sessions), apart from the others too. */
    private final Random outreach = new Random(20_261_203L);
    /** r2: the units with a school broadcast system. */
    private final List<String> broadcastSystems = new ArrayList<>();
    private final Map<String, String> tokens;
    private final String dossierUrl;
    private final String paymentUrl;
    private final String indicatorUrl;
    private final List<String> units = new ArrayList<>();

    private DemoLoaderMain(Map<String, String> tokens, String dossierUrl, String paymentUrl, String indicatorUrl) {
        this.tokens = tokens;
        this.dossierUrl = dossierUrl;
        this.paymentUrl = paymentUrl;
        this.indicatorUrl = indicatorUrl;
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("tokens", "dossier-url", "payment-url", "indicator-url", "dossiers"), USAGE);
        Map<String, String> tokens = readTokens(Path.of(cli.require("tokens", USAGE)));
        DemoLoaderMain loader = new DemoLoaderMain(tokens, orDefault(cli.get("dossier-url"), "http://localhost:8081"),
                orDefault(cli.get("payment-url"), "http://localhost:8082"), orDefault(cli.get("indicator-url"), "http://localhost:8083"));
        int dossiers = Integer.parseInt(orDefault(cli.get("dossiers"), "4000"));
        try {
            loader.load(dossiers);
        } catch (IOException | IllegalStateException e) {
            Cli.exit(Cli.EXIT_FAILURE, "The demo data could not be loaded: " + e.getMessage());
        }
    }

    private void load(int dossiers) throws IOException, InterruptedException {
        send("POST", dossierUrl + "/api/v1/units:import", "ADMIN_TOKEN", "text/csv; charset=UTF-8", unitsCsv());
        send("POST", dossierUrl + "/api/v1/procedures:import", "ADMIN_TOKEN", "text/csv; charset=UTF-8", proceduresCsv());
        if (send("GET", dossierUrl + "/api/v1/public/dossiers/DEMO-HS-000000", null, null, null) == 200) {
            System.out.println("The demo dossiers are already loaded.");
            return;
        }
        List<String> dossierEvents = new ArrayList<>();
        List<String> paymentEvents = new ArrayList<>();
        generate(dossiers, OffsetDateTime.now(DepartmentTime.OFFSET), dossierEvents, paymentEvents);
        post(dossierUrl + "/api/v1/dossier-events", dossierEvents);
        post(paymentUrl + "/api/v1/payment-events", paymentEvents);
        List<String> outreachEvents = outreach(OffsetDateTime.now(DepartmentTime.OFFSET));
        post(dossierUrl + "/api/v1/outreach-events", outreachEvents);
        long submittedCount = dossierEvents.stream().filter(e -> e.contains("\"SUBMITTED\"")).count();
        long paidCount = paymentEvents.stream().filter(e -> e.contains("\"PAID\"")).count()
                - paymentEvents.stream().filter(e -> e.contains("\"REFUNDED\"")).count();
        awaitIndicator("online-submission", submittedCount);
        awaitIndicator("online-payments", paidCount);
        System.out.printf("Demo data loaded: %d units, %d procedures, %d dossier events (%d supplement requests), %d payment "
                + "events, %d broadcasts and sessions.%n", units.size(), PROCEDURES.length, dossierEvents.size(),
                dossierEvents.stream().filter(e -> e.contains("\"SUPPLEMENT_REQUESTED\"")).count(), paymentEvents.size(),
                outreachEvents.size());
    }

    /** This year's dossiers up to {@code now}, and the cohort open today; the units must be drawn first ({@link #unitsCsv}). */
    private void generate(int dossiers, OffsetDateTime clock, List<String> dossierEvents, List<String> paymentEvents) {
        OffsetDateTime now = clock.withOffsetSameInstant(DepartmentTime.OFFSET);
        OffsetDateTime start = now.toLocalDate().withDayOfYear(1).atStartOfDay().atOffset(DepartmentTime.OFFSET);
        OffsetDateTime end = now.minusMinutes(30);
        long span = Duration.between(start, end).toMinutes();
        for (int i = 0; i < dossiers; i++) {
            // Later dossiers are more often online: the trend the plan asks for.
            OffsetDateTime submitted = start.plusMinutes((long) (span * Math.sqrt(random.nextDouble())));
            dossier(String.format("DEMO-HS-%06d", i), submitted, end, dossierEvents, paymentEvents);
        }
        int open = Math.max(16, dossiers / 25);
        for (int k = 0; k < open; k++) {
            openDossier(String.format("DEMO-HS-%06d", dossiers + k), k, start, end, dossierEvents);
        }
    }

    private void dossier(String code, OffsetDateTime submitted, OffsetDateTime end, List<String> out, List<String> payments) {
        String[] procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
        String unit = units.get(random.nextInt(units.size()));
        double progress = (double) Duration.between(submitted.withDayOfYear(1), submitted).toDays() / 365;
        boolean online = random.nextDouble() < 0.40 + 0.25 * progress;
        boolean provided = procedure[4].equals("1");
        boolean fullyOnline = online && provided && random.nextDouble() < 0.86;
        boolean citizen = random.nextDouble() < 0.93;
        String applicant = citizen
                ? "{\"kind\":\"CITIZEN\",\"id\":\"031" + String.format("%09d", random.nextInt(2_500)) + "\",\"adult\":"
                        + (random.nextDouble() < 0.7) + ",\"vneid\":" + (random.nextDouble() < 0.6) + "}"
                : "{\"kind\":\"ORGANIZATION\",\"id\":\"0200" + String.format("%06d", random.nextInt(300)) + "\"}";
        String channel = online ? "ONLINE" : random.nextDouble() < 0.85 ? "IN_PERSON" : "POSTAL";
        out.add(event(code, "submitted", "SUBMITTED", submitted, code, procedure[0], unit,
                ",\"channel\":\"" + channel + "\",\"fullyOnline\":" + fullyOnline + ",\"applicant\":" + applicant));
        if (random.nextDouble() < 0.985) {
            OffsetDateTime received = before(submitted.plusMinutes(20 + random.nextInt(8 * 60)), end);
            OffsetDateTime due = received.plusDays(5 + random.nextInt(10));
            out.add(event(code, "received", "RECEIVED", received, code, procedure[0], unit, ",\"dueAt\":\"" + time(due) + "\""));
            if (random.nextDouble() < 0.93) {
                out.add(event(code, "digitized", "DOSSIER_DIGITIZED", before(received.plusHours(3), end), code, procedure[0], unit, ""));
            }
            long resultHours = 24 + random.nextInt(random.nextDouble() < 0.9 ? 9 * 24 : 25 * 24);
            Supplements supplements = supplements(code, procedure[0], unit, received, due, end, out);
            // The office's clock stops while the applicant completes the dossier.
            OffsetDateTime result = received.plus(supplements.waited()).plusHours(resultHours);
            if (!result.isAfter(supplements.lastAt())) {
                result = supplements.lastAt().plusHours(4 + board.nextInt(48));
            }
            if (supplements.waiting() || !result.isBefore(end)) {
                if (board.nextDouble() < 0.05) {
                    OffsetDateTime withdrawn = before(supplements.lastAt().plusHours(2 + board.nextInt(10 * 24)), end);
                    out.add(event(code, "withdrawn", "WITHDRAWN", withdrawn, code, procedure[0], unit, ""));
                }
            } else {
                out.add(event(code, "result", "RESULT_ISSUED", result, code, procedure[0], unit,
                        ",\"outcome\":\"" + (random.nextDouble() < 0.94 ? "APPROVED" : "REFUSED") + "\""));
                if (random.nextDouble() < 0.96) {
                    out.add(event(code, "result-digitized", "RESULT_DIGITIZED", before(result.plusHours(2), end), code,
                            procedure[0], unit, ""));
                }
                if (random.nextDouble() < 0.97) {
                    out.add(event(code, "synced", "RESULT_SYNCED", before(result.plusHours(4), end), code, procedure[0], unit, ""));
                }
                if (random.nextDouble() < 0.35) {
                    int rating = random.nextDouble() < 0.82 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                    out.add(event(code, "rated", "RATED", before(result.plusDays(1 + random.nextInt(5)), end), code,
                            procedure[0], unit, ",\"rating\":" + rating));
                }
            }
        } else if (random.nextDouble() < 0.5) {
            out.add(event(code, "withdrawn", "WITHDRAWN", before(submitted.plusDays(1), end), code, procedure[0], unit, ""));
        }
        if (procedure[6].equals("1") && random.nextDouble() < 0.9) {
            double roll = random.nextDouble();
            String method = roll < (online ? 0.62 : 0.18) ? "NATIONAL_PORTAL"
                    : roll < (online ? 0.80 : 0.30) ? "OTHER_ONLINE" : roll < (online ? 0.92 : 0.55) ? "BANK_TRANSFER" : "CASH";
            String tx = "DEMO-TX-" + code.substring(8);
            OffsetDateTime paid = before(submitted.plusMinutes(5 + random.nextInt(120)), end);
            long amount = 10_000L * (2 + random.nextInt(9));
            payments.add("{\"eventId\":\"" + tx + "-paid\",\"type\":\"PAID\",\"transactionId\":\"" + tx + "\",\"occurredAt\":\""
                    + time(paid) + "\",\"dossierCode\":\"" + code + "\",\"procedureCode\":\"" + procedure[0] + "\",\"unitCode\":\""
                    + unit + "\",\"amount\":" + amount + ",\"method\":\"" + method + "\"}");
            if (random.nextDouble() < 0.03) {
                payments.add("{\"eventId\":\"" + tx + "-refund\",\"type\":\"REFUNDED\",\"transactionId\":\"" + tx
                        + "\",\"occurredAt\":\"" + time(before(paid.plusDays(2), end)) + "\",\"dossierCode\":\"" + code
                        + "\",\"procedureCode\":\"" + procedure[0] + "\",\"unitCode\":\"" + unit + "\"}");
            }
        }
    }

    /**
     * What a dossier's supplements leave: how long the applicant took to answer, whether a request still waits, and when
     * the last of the dossier's events so far occurred.
     */
    private record Supplements(Duration waited, boolean waiting, OffsetDateTime lastAt) {
    }

    /**
     * Some received dossiers are sent back to the applicant to be completed, a few twice; most are answered, often with a
     * new appointment, and a request made lately may still wait.
     */
    private Supplements supplements(String code, String procedure, String unit, OffsetDateTime received, OffsetDateTime due,
            OffsetDateTime end, List<String> out) {
        int requests = board.nextDouble() < 0.16 ? (board.nextDouble() < 0.2 ? 2 : 1) : 0;
        Duration waited = Duration.ZERO;
        OffsetDateTime last = received;
        for (int r = 1; r <= requests; r++) {
            OffsetDateTime requested = last.plusHours(4 + board.nextInt(3 * 24));
            if (!requested.isBefore(end)) {
                break;
            }
            out.add(event(code, "supplement-requested-" + r, "SUPPLEMENT_REQUESTED", requested, code, procedure, unit, ""));
            OffsetDateTime answered = requested.plusHours(6 + board.nextInt(6 * 24));
            // A request of the last weeks may still wait; an older one has long been answered.
            if (!answered.isBefore(end) || requested.isAfter(end.minusDays(21)) && board.nextDouble() < 0.3) {
                return new Supplements(waited, true, requested);
            }
            String appointment = "";
            if (board.nextDouble() < 0.7) {
                OffsetDateTime newDue = answered.plusDays(5 + board.nextInt(6)).withHour(17).withMinute(0).withSecond(0).withNano(0);
                appointment = ",\"dueAt\":\"" + time(newDue.isBefore(due) ? due : newDue) + "\"";
            }
            out.add(event(code, "supplement-received-" + r, "SUPPLEMENT_RECEIVED", answered, code, procedure, unit, appointment));
            waited = waited.plus(Duration.between(requested, answered));
            last = answered;
        }
        return new Supplements(waited, false, last);
    }

    /**
     * The dossiers open today, for the board of open dossiers (indicator-service, section 7): new ones not yet received,
     * some in process, due in the coming days, due days ago, waiting on their applicant (one or two requests), with an
     * appointment moved, and a few withdrawn while open. Relative to today on the department's clock, deterministic.
     */
    private void openDossier(String code, int k, OffsetDateTime start, OffsetDateTime end, List<String> out) {
        String procedure = PROCEDURES[board.nextInt(PROCEDURES.length)][0];
        String unit = units.get(board.nextInt(units.size()));
        LocalDate today = end.plusMinutes(30).toLocalDate();
        OffsetDateTime received;
        OffsetDateTime due;
        int scenario = k % 8;
        switch (scenario) {
            case 0, 1 -> { // overdue: due some days ago
                received = hoursAgo(end, 8 * 24, 30 * 24, start);
                due = dueOn(today.minusDays(1 + board.nextInt(7)));
            }
            case 2, 3 -> { // due in the coming days
                received = hoursAgo(end, 3 * 24, 12 * 24, start);
                due = dueOn(today.plusDays(1 + board.nextInt(4)));
            }
            case 4 -> { // in process, on track
                received = hoursAgo(end, 1, 4 * 24, start);
                due = dueOn(today.plusDays(6 + board.nextInt(9)));
            }
            default -> { // waiting, appointment moved, new or withdrawn: decided below
                received = hoursAgo(end, 10 * 24, 20 * 24, start);
                due = dueOn(today.plusDays(-3 + board.nextInt(8)));
            }
        }
        due = due.isBefore(received) ? received.plusHours(1) : due;
        boolean notYetReceived = scenario == 7 && k % 16 == 7;
        OffsetDateTime submitted = notYetReceived ? hoursAgo(end, 1, 48, start) : received.minusMinutes(20 + board.nextInt(8 * 60));
        submitted = submitted.isBefore(start) ? start : submitted;
        boolean fullyOnline = board.nextDouble() < 0.6;
        String applicant = "{\"kind\":\"CITIZEN\",\"id\":\"031" + String.format("%09d", board.nextInt(2_500))
                + "\",\"adult\":true,\"vneid\":" + (board.nextDouble() < 0.6) + "}";
        out.add(event(code, "submitted", "SUBMITTED", submitted, code, procedure, unit, ",\"channel\":\""
                + (fullyOnline ? "ONLINE" : "IN_PERSON") + "\",\"fullyOnline\":" + fullyOnline + ",\"applicant\":" + applicant));
        if (notYetReceived) {
            return; // new: submitted lately, not yet received
        }
        out.add(event(code, "received", "RECEIVED", received, code, procedure, unit, ",\"dueAt\":\"" + time(due) + "\""));
        switch (scenario) {
            case 5 -> { // waiting on the applicant, a few for the second time
                OffsetDateTime requested = received.plusHours(4 + board.nextInt(3 * 24));
                int r = 1;
                if (k % 16 == 13) {
                    OffsetDateTime answered = requested.plusHours(6 + board.nextInt(48));
                    out.add(event(code, "supplement-requested-1", "SUPPLEMENT_REQUESTED", requested, code, procedure, unit, ""));
                    out.add(event(code, "supplement-received-1", "SUPPLEMENT_RECEIVED", answered, code, procedure, unit,
                            ",\"dueAt\":\"" + time(dueOn(today.plusDays(board.nextInt(6)))) + "\""));
                    requested = answered.plusHours(4 + board.nextInt(48));
                    r = 2;
                }
                out.add(event(code, "supplement-requested-" + r, "SUPPLEMENT_REQUESTED", before(requested, end), code, procedure,
                        unit, ""));
            }
            case 6 -> { // answered with a new appointment: due soon, or already missed again
                OffsetDateTime requested = received.plusHours(4 + board.nextInt(2 * 24));
                OffsetDateTime answered = before(requested.plusHours(6 + board.nextInt(3 * 24)), end);
                OffsetDateTime moved = dueOn(today.plusDays(k % 3 == 0 ? -1 - board.nextInt(3) : board.nextInt(5)));
                out.add(event(code, "supplement-requested-1", "SUPPLEMENT_REQUESTED", requested, code, procedure, unit, ""));
                out.add(event(code, "supplement-received-1", "SUPPLEMENT_RECEIVED", answered, code, procedure, unit,
                        ",\"dueAt\":\"" + time(moved.isBefore(answered) ? answered.plusHours(1) : moved) + "\""));
            }
            case 7 -> // withdrawn while open
                out.add(event(code, "withdrawn", "WITHDRAWN", hoursAgo(end, 1, 3 * 24, received), code, procedure, unit, ""));
            default -> {
                if (board.nextDouble() < 0.5) {
                    out.add(event(code, "digitized", "DOSSIER_DIGITIZED", before(received.plusHours(3), end), code, procedure, unit, ""));
                }
            }
        }
    }

    /** A time between {@code min} and {@code max} hours before {@code end}, and not before {@code notBefore}. */
    private OffsetDateTime hoursAgo(OffsetDateTime end, int min, int max, OffsetDateTime notBefore) {
        OffsetDateTime at = end.minusMinutes(60L * min + board.nextInt(60 * (max - min) + 1));
        return at.isBefore(notBefore) ? notBefore : at;
    }

    /** An appointment: the end of the office's day. */
    private static OffsetDateTime dueOn(LocalDate day) {
        return day.atTime(17, 0).atOffset(DepartmentTime.OFFSET);
    }

    private static String event(String code, String suffix, String type, OffsetDateTime at, String dossier, String procedure,
            String unit, String extra) {
        return "{\"eventId\":\"" + code + "-" + suffix + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + time(at)
                + "\",\"dossierCode\":\"" + dossier + "\",\"procedureCode\":\"" + procedure + "\",\"unitCode\":\"" + unit + "\""
                + extra + "}";
    }

    /** r2: the outreach of 2024 (the plan's year, in full) and of this year up to now. */
    private List<String> outreach(OffsetDateTime now) {
        List<String> events = new ArrayList<>();
        for (int year : new java.util.TreeSet<>(List.of(2024, now.getYear()))) {
            OffsetDateTime end = LocalDate.of(year + 1, 1, 1).atStartOfDay().atOffset(DepartmentTime.OFFSET);
            events.addAll(outreach(year, end.isBefore(now) ? end : now));
        }
        return events;
    }

    /**
     * r2: a year's outreach up to {@code now}: every broadcast system's weekly items (most schools air every week, some
     * miss a few weeks, one misses many) and sessions for students, teachers and parents at most schools.
     */
    private List<String> outreach(int year, OffsetDateTime now) {
        List<String> events = new ArrayList<>();
        LocalDate firstMonday = LocalDate.of(year, 1, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        String[] titles = { "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia", "Thanh toán lệ phí trực tuyến, không dùng tiền mặt",
                "Đăng nhập bằng tài khoản VNeID", "Ký số cá nhân khi thực hiện thủ tục hành chính", "Tra cứu tiến độ giải quyết hồ sơ" };
        for (int u = 0; u < broadcastSystems.size(); u++) {
            String unit = broadcastSystems.get(u);
            int missPercent = u % 7 == 3 ? 35 : u % 3 == 1 ? 6 : 0;
            int week = 0;
            for (LocalDate monday = firstMonday; monday.plusDays(7).atStartOfDay().atOffset(DepartmentTime.OFFSET).isBefore(now);
                    monday = monday.plusWeeks(1), week++) {
                if (outreach.nextInt(100) < missPercent) {
                    continue;
                }
                OffsetDateTime aired = monday.plusDays(outreach.nextInt(5)).atTime(6, 45 + outreach.nextInt(10)).atOffset(DepartmentTime.OFFSET);
                events.add("{\"eventId\":\"DEMO-BC-" + unit + "-" + year + "-" + week + "\",\"type\":\"BROADCAST_AIRED\",\"occurredAt\":\""
                        + aired.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\",\"unitCode\":\"" + unit + "\",\"title\":\""
                        + titles[outreach.nextInt(titles.length)] + "\",\"durationSeconds\":" + (120 + 30 * outreach.nextInt(10)) + "}");
            }
        }
        String[] audiences = { "STUDENTS", "TEACHERS", "PARENTS", "STAFF" };
        String[] sessionTitles = { "Ngoại khóa: dịch vụ công trực tuyến cho học sinh", "Sinh hoạt chuyên đề: thanh toán trực tuyến",
                "Hướng dẫn cha mẹ học sinh nộp hồ sơ trực tuyến" };
        for (String unit : units) {
            if (!unit.startsWith("THPT-") && !unit.startsWith("THCS-") || outreach.nextInt(100) < 25) {
                continue;
            }
            int sessions = 1 + outreach.nextInt(3);
            for (int k = 0; k < sessions; k++) {
                OffsetDateTime held = firstMonday.plusDays(outreach.nextInt(Math.max(1, (int) java.time.temporal.ChronoUnit.DAYS.between(firstMonday,
                        now.toLocalDate())))).atTime(14, 0).atOffset(DepartmentTime.OFFSET);
                events.add("{\"eventId\":\"DEMO-SS-" + unit + "-" + year + "-" + k + "\",\"type\":\"SESSION_HELD\",\"occurredAt\":\""
                        + held.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\",\"unitCode\":\"" + unit + "\",\"title\":\""
                        + sessionTitles[k % sessionTitles.length] + "\",\"audience\":\"" + audiences[outreach.nextInt(audiences.length)]
                        + "\",\"participants\":" + (20 + outreach.nextInt(400)) + "}");
            }
        }
        return events;
    }

    private String unitsCsv() {
        StringBuilder csv = new StringBuilder("code,name,type,parentCode,adultPopulation,broadcastSystem\n");
        csv.append("SGDDT,Sở Giáo dục và Đào tạo Hải Phòng,DEPARTMENT,,1550000,false\n");
        units.add("SGDDT");
        for (int i = 0; i < HIGH_SCHOOLS.length; i++) {
            String code = "THPT-" + (i + 1);
            // r2: every high school has a broadcast system but the last.
            boolean system = i < HIGH_SCHOOLS.length - 1;
            csv.append(code).append(",Trường THPT ").append(HIGH_SCHOOLS[i]).append(",SCHOOL,SGDDT,,").append(system).append('\n');
            units.add(code);
            if (system) {
                broadcastSystems.add(code);
            }
        }
        csv.append("GDTX-HP,Trung tâm Giáo dục thường xuyên Hải Phòng,CENTER,SGDDT,,false\n");
        units.add("GDTX-HP");
        for (String[] district : DISTRICTS) {
            String office = "PGD-" + district[0];
            csv.append(office).append(",Phòng Giáo dục và Đào tạo ").append(district[1]).append(",DISTRICT_OFFICE,SGDDT,")
                    .append(district[2]).append(",false\n");
            units.add(office);
            int schools = district[0].equals("BACHLONGVI") ? 1 : 2;
            for (int s = 0; s < schools; s++) {
                String code = "THCS-" + district[0] + "-" + (s + 1);
                String name = (s == 0 ? "Trường THCS " : "Trường Tiểu học ") + SCHOOL_NAMES[(district[0].length() + s) % SCHOOL_NAMES.length];
                // r2: the lower-secondary schools have a broadcast system; the primary schools do not.
                boolean system = s == 0;
                csv.append(code).append(",\"").append(name).append(", ").append(district[1]).append("\",SCHOOL,").append(office).append(",,")
                        .append(system).append('\n');
                units.add(code);
                if (system) {
                    broadcastSystems.add(code);
                }
            }
        }
        return csv.toString();
    }

    private static String proceduresCsv() {
        StringBuilder csv = new StringBuilder("code,name,field,eligibleFullyOnline,providedFullyOnline,integratedNationalPortal,feeBearing\n");
        for (String[] p : PROCEDURES) {
            csv.append(p[0]).append(",\"").append(p[1]).append("\",\"").append(p[2]).append("\",").append(flag(p[3])).append(',')
                    .append(flag(p[4])).append(',').append(flag(p[5])).append(',').append(flag(p[6])).append('\n');
        }
        return csv.toString();
    }

    private void post(String url, List<String> events) throws IOException, InterruptedException {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<String> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            send("POST", url, "INGEST_TOKEN", "application/json", "[" + String.join(",", batch) + "]");
        }
    }

    /** Waits until indicator-service has counted what was sent (it consumes the topics asynchronously). */
    private void awaitIndicator(String id, long expected) throws IOException, InterruptedException {
        Pattern denominator = Pattern.compile("\"denominator\":(\\d+)");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(indicatorUrl
                    + "/api/v1/indicators/" + id)).header("Authorization", "Bearer " + tokens.get("READER_TOKEN")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = denominator.matcher(response.body());
            if (response.statusCode() == 200 && m.find() && Long.parseLong(m.group(1)) >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("indicator-service did not count the demo data (" + id + ") within 5 minutes");
    }

    private int send(String method, String url, String token, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + tokens.get(token));
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (body != null && response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.statusCode();
    }

    private static Map<String, String> readTokens(Path file) throws IOException {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                tokens.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return tokens;
    }

    private static OffsetDateTime before(OffsetDateTime time, OffsetDateTime end) {
        return time.isAfter(end) ? end : time;
    }

    private static String time(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String flag(String bit) {
        return bit.equals("1") ? "true" : "false";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
