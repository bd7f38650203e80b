package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.Chromium;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * The dashboard in a real browser (headless Chromium), as an official uses it: sign in, read the cards of
 * a known department, change the period and the unit, watch a live update arrive, drill down, download
 * the three reports. Every number on screen is compared with the independent computation ({@link Expected}).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate TO = LocalDate.of(2024, 12, 31);
    static final DecimalFormatSymbols VI = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
    static final DecimalFormatSymbols EN = DecimalFormatSymbols.getInstance(Locale.UK);
    /** What each indicator counts: Vietnamese, English singular, English plural. */
    static final Map<String, String[]> WORDS = Map.of(
            "procedures-fully-online", new String[] { "thủ tục", "procedure", "procedures" },
            "fully-online-on-national-portal", new String[] { "thủ tục", "procedure", "procedures" },
            "fee-procedures-paid-online", new String[] { "thủ tục", "procedure", "procedures" },
            "fee-procedures-with-dossiers", new String[] { "thủ tục", "procedure", "procedures" },
            "online-payments", new String[] { "giao dịch", "payment", "payments" },
            "cashless-payments", new String[] { "giao dịch", "payment", "payments" },
            "adult-online-users", new String[] { "người", "adult", "adults" },
            "weekly-broadcasts", new String[] { "đơn vị", "unit", "units" },
            "schools-with-outreach-sessions", new String[] { "đơn vị", "unit", "units" });
    static final String[] DOSSIERS = { "hồ sơ", "dossier", "dossiers" };
    /** The same words by the subject the server sends: the page words what an indicator counts from it alone. */
    static final Map<String, String[]> SUBJECT_WORDS = Map.of("DOSSIER", DOSSIERS,
            "PROCEDURE", new String[] { "thủ tục", "procedure", "procedures" },
            "TRANSACTION", new String[] { "giao dịch", "payment", "payments" },
            "APPLICANT", new String[] { "người", "adult", "adults" },
            "UNIT", new String[] { "đơn vị", "unit", "units" });

    @TestHTTPResource("/")
    URL page;

    /** One reader token for the whole run: the page keeps the one it was given. */
    private static final String READER = TestTokens.reader();

    private static ChromeDriver browser;
    private static Path downloads;
    private static DataSet data;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        downloads = Files.createTempDirectory("dvc-downloads-");
        browser = Chromium.start(downloads);
        // Before any script of the page: whatever its Content-Security-Policy refuses (an inline style or script) is kept.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void publishADepartmentOnce() {
        if (data != null) {
            return;
        }
        data = new DataSet(20_241_108L, "WEB", 220);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root)
                        && Indicators.matches(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30), data.districts.get(0)));
    }

    @Test
    @Order(1)
    void aBadTokenIsRefusedAndAReaderTokenSignsIn() throws Exception {
        browser.get(page.toString());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        // Everything the page loads comes from this service: it works with no internet.
        assertThat((List<?>) browser.executeScript("return [...document.querySelectorAll('script[src], link[href]')]"
                + ".map(e => e.getAttribute('src') || e.getAttribute('href'))")).isNotEmpty().allMatch(u -> ((String) u).startsWith("/"));
        // The page's script is native ES modules: the browser runs a module only when it is served as JavaScript.
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => new URL(e.name).pathname).filter(p => p.endsWith('.js'))");
        assertThat(scripts).contains("/dashboard.js", "/dashboard/state.js", "/dashboard/i18n.js", "/dashboard/api.js",
                "/dashboard/scope.js", "/dashboard/cards.js", "/dashboard/detail.js", "/dashboard/reports.js", "/dashboard/stream.js",
                "/dashboard/open.js", "/dashboard/timeline.js");
        for (String script : scripts) {
            assertThat(given().get(script).then().statusCode(200).extract().contentType()).as(script)
                    .matches("(text|application)/javascript.*");
        }
        assertThat(text("sign-in-title")).isEqualTo("Đăng nhập");
        Chromium.screenshot(browser, "01-sign-in", 1366);
        browser.findElement(By.id("token")).sendKeys("not-a-token", Keys.ENTER);
        waitFor(() -> text("sign-in-error").equals("Mã truy cập không hợp lệ hoặc đã hết hạn."));
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TestTokens.ingest(), Keys.ENTER);
        waitFor(() -> text("sign-in-error").equals("Mã truy cập này không có quyền đọc số liệu."));

        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(READER, Keys.ENTER);
        waitFor(() -> cards().size() == servedCount());
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        // This year, every unit: the live stream's own scope.
        assertThat(text("period-text")).isEqualTo("Kỳ: từ 01/01/" + LocalDate.now(ZoneOffset.ofHours(7)).getYear() + " đến "
                + LocalDate.now(ZoneOffset.ofHours(7)).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        waitFor(() -> text("updated").matches("Cập nhật lúc \\d\\d:\\d\\d:\\d\\d"));
        waitFor(() -> text("stream-state").equals("Trực tiếp: đang nhận cập nhật"));
        waitFor(() -> text("last-event").startsWith("Sự kiện gần nhất: "));
        assertThat(browser.findElement(By.id("stale")).isDisplayed()).as("fresh data, no stale warning").isFalse();
        // The token is kept in this tab's session only.
        assertThat(browser.executeScript("return sessionStorage.getItem('dvc.token')")).isEqualTo(READER);
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the page's policy").isEmpty();
    }

    @Test
    @Order(2)
    void theCardsShowTheDepartmentsNumbersForTheChosenYearAndUnit() throws Exception {
        showTheDepartmentIn2024();
        assertThat(text("period-text")).isEqualTo("Kỳ: từ 01/01/2024 đến 31/12/2024");
        // An indicator short of its target: its card says how many more, the server's `needed`, in its subject's word.
        Map<String, Object> shortOf = served(FROM, TO, data.root).stream()
                .filter(v -> v.get("needed") != null && ((Number) v.get("needed")).longValue() > 0).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator of " + data.root + " short of its 2024 target"));
        long needed = ((Number) shortOf.get("needed")).longValue();
        assertThat(card((String) shortOf.get("id")).findElement(By.className("needed")).getText()).isEqualTo("Cần thêm "
                + whole(needed, VI) + " " + SUBJECT_WORDS.get((String) shortOf.get("subject"))[0] + " để đạt mục tiêu");
        // The unit picker follows the tree: a district under the department, its schools under it.
        List<String> options = new Select(browser.findElement(By.id("unit"))).getOptions().stream().map(WebElement::getText).toList();
        int root = options.indexOf("Sở Giáo dục và Đào tạo WEB");
        assertThat(options.subList(root + 1, root + 5)).containsExactly("   └ Phòng GDĐT quận 1",
                "      └ Trường THCS số 11", "      └ Trường THCS số 12", "      └ Trường THCS số 13");
        Chromium.screenshot(browser, "02-cards", 1366);
    }

    @Test
    @Order(3)
    void aQuarterAndADistrictThenEnglish() throws Exception {
        choose("period-kind", "quarter");
        choose("quarter", "2");
        choose("unit", data.districts.get(0));
        assertThat(text("period-text")).isEqualTo("Kỳ: từ 01/04/2024 đến 30/06/2024");
        assertCards(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30), data.districts.get(0), true);

        browser.findElement(By.id("lang")).click();
        waitFor(() -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Online public services, live");
        assertThat(text("period-text")).isEqualTo("Period: 01/04/2024 to 30/06/2024");
        assertCards(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30), data.districts.get(0), false);
        Chromium.screenshot(browser, "03-english-quarter-district", 1366);
        browser.findElement(By.id("lang")).click();
        waitFor(() -> "vi".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));

        choose("period-kind", "month");
        choose("month", "03");
        assertCards(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), data.districts.get(0), true);
        choose("period-kind", "custom");
        setDate("from", "2024-02-10");
        setDate("to", "2024-08-20");
        choose("unit", data.schools.get(4));
        assertCards(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 8, 20), data.schools.get(4), true);
    }

    @Test
    @Order(4)
    void oneIndicatorsTrendRankingAndDrillDown() throws Exception {
        showTheDepartmentIn2024();
        card("online-submission").findElement(By.cssSelector("h3 button")).click();
        waitFor(() -> "detail-title".equals(browser.switchTo().activeElement().getAttribute("id")));
        assertThat(new Select(browser.findElement(By.id("indicator"))).getFirstSelectedOption().getText())
                .isEqualTo("Tỷ lệ hồ sơ nộp trực tuyến");

        // The trend: twelve months, each month's and the running value, as the chart's table says.
        waitFor(() -> rows("series").size() == 12);
        List<WebElement> months = rows("series");
        for (int m = 1; m <= 12; m++) {
            LocalDate start = LocalDate.of(2024, m, 1);
            LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
            List<WebElement> cells = months.get(m - 1).findElements(By.tagName("td"));
            assertThat(cells.get(0).getAttribute("textContent")).isEqualTo(day(start) + " – " + day(end));
            Expected.Pair own = expected(start, end, data.root, "online-submission");
            assertThat(cells.get(1).getAttribute("textContent")).isEqualTo(own.numerator() + " / " + own.denominator());
            assertThat(cells.get(3).getAttribute("textContent"))
                    .isEqualTo(percent(expected(FROM, end, data.root, "online-submission"), VI));
        }
        assertThat((Boolean) browser.executeScript("return Chart.getChart(document.getElementById('trend')) !== undefined"))
                .as("Chart.js drew the trend").isTrue();

        // The ranking: each district over its own subtree, highest value first.
        waitFor(() -> rows("ranking").size() == 3
                && rows("ranking").stream().allMatch(r -> data.districts.contains(r.getAttribute("data-unit"))));
        List<BigDecimal> values = new ArrayList<>();
        for (WebElement row : rows("ranking")) {
            String unit = row.getAttribute("data-unit");
            Expected.Pair pair = expected(FROM, TO, unit, "online-submission");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(2).getText()).isEqualTo(pair.numerator() + " / " + pair.denominator());
            assertThat(cells.get(3).getText()).isEqualTo(percent(pair, VI));
            values.add(value(pair));
        }
        assertThat(values).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // The drill-down: the numerator's dossiers, twenty a page, and the next page by keyboard.
        Expected.Pair total = expected(FROM, TO, data.root, "online-submission");
        long pages = (total.numerator() + 19) / 20;
        waitFor(() -> text("page-info").equals("Trang 1 / " + pages + " — " + total.numerator() + " mục"));
        Set<String> codes = new HashSet<>(codes());
        assertThat(codes).hasSize(20).allMatch(c -> c.startsWith("WEB-HS-"));
        assertThat(browser.findElement(By.id("prev")).isEnabled()).isFalse();
        Chromium.screenshot(browser, "04-indicator-detail", 1366);
        browser.findElement(By.id("next")).sendKeys(Keys.ENTER);
        waitFor(() -> text("page-info").startsWith("Trang 2 / "));
        List<String> second = codes();
        assertThat(second).hasSize(20).doesNotContainAnyElementsOf(codes);
        choose("drill-set", "gap");
        waitFor(() -> text("page-info").endsWith(" — " + (total.denominator() - total.numerator()) + " mục"));
        assertThat(text("drill-code")).isEqualTo("Mã hồ sơ");

        // What the codes are follows the drill-down's subject: procedures, payments.
        choose("indicator", "fee-procedures-paid-online");
        waitFor(() -> text("drill-code").equals("Mã thủ tục"), () -> "'Mã thủ tục', not '" + text("drill-code") + "'");
        choose("indicator", "online-payments");
        waitFor(() -> text("drill-code").equals("Mã giao dịch (mã hồ sơ)"), () -> "'Mã giao dịch (mã hồ sơ)', not '" + text("drill-code") + "'");
        // A denominator of people (the adult population) has no list: only the numerator's dossiers can be chosen.
        choose("indicator", "adult-online-users");
        waitFor(() -> "numerator".equals(new Select(browser.findElement(By.id("drill-set"))).getFirstSelectedOption().getAttribute("value"))
                && text("drill-code").equals("Mã hồ sơ"));
        assertThat(browser.findElement(By.cssSelector("#drill-set option[value=gap]")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#drill-set option[value=denominator]")).isEnabled()).isFalse();
        choose("indicator", "online-submission");
        waitFor(() -> browser.findElement(By.cssSelector("#drill-set option[value=gap]")).isEnabled());
    }

    @Test
    @Order(5)
    void theReportsDownloadWithTheRightContent() throws Exception {
        Expected.Pair online = expected(FROM, TO, data.root, "online-submission");
        browser.findElement(By.cssSelector("button[data-format=xlsx]")).click();
        Path xlsx = downloaded("bao-cao-ke-hoach-2024-WEB-SGD.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            var summary = book.getSheet("Tổng hợp");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).endsWith("NĂM 2024");
            boolean found = false;
            for (var row : summary) {
                if (row.getCell(1) != null && "online-submission".equals(row.getCell(1).toString())) {
                    assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(online.numerator());
                    assertThat((long) row.getCell(4).getNumericCellValue()).isEqualTo(online.denominator());
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        waitFor(() -> text("report-state").equals("Đã tải bao-cao-ke-hoach-2024-WEB-SGD.xlsx"));

        browser.findElement(By.cssSelector("button[data-format=csv]")).click();
        byte[] csv = Files.readAllBytes(downloaded("bao-cao-ke-hoach-2024-WEB-SGD.csv"));
        // The plan's tasks first, then (after an empty line) the indicators.
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFNăm,STT,\"Nhiệm vụ, giải pháp\",Chủ trì")
                .contains("\r\n\r\nNăm,Mã chỉ tiêu,Tên chỉ tiêu")
                .contains("2024,online-submission,Tỷ lệ hồ sơ nộp trực tuyến,Tổng hợp,,WEB-SGD,Sở Giáo dục và Đào tạo WEB (WEB-SGD),"
                        + online.numerator() + "," + online.denominator() + "," + value(online).toPlainString());

        browser.findElement(By.cssSelector("button[data-format=pdf]")).click();
        try (var pdf = Loader.loadPDF(Files.readAllBytes(downloaded("bao-cao-ke-hoach-2024-WEB-SGD.pdf")))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DỊCH VỤ CÔNG TRỰC TUYẾN NĂM 2024")
                    .contains("Phạm vi: Sở Giáo dục và Đào tạo WEB (WEB-SGD)").contains("Tỷ lệ hồ sơ nộp trực tuyến");
        }
    }

    @Test
    @Order(6)
    void aNewEventShowsOnTheCardsWithoutAReload() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        choose("period-kind", "year");
        choose("year", String.valueOf(today.getYear()));
        choose("unit", "");
        assertCards(today.withDayOfYear(1), today, null, true);
        browser.executeScript("window.notReloaded = true");
        String updated = text("updated");
        long before = expected(today.withDayOfYear(1), today, null, "online-submission").denominator();

        Published.send(List.of(new DossierEvent("web-live-1", DossierEventType.SUBMITTED, OffsetDateTime.now(ZoneOffset.ofHours(7)),
                "WEB-LIVE-1", "WEB-P1", data.schools.get(0), Channel.ONLINE, true,
                new Applicant(ApplicantKind.CITIZEN, "e".repeat(64), true, true), null, null, null)));
        assertThat(expected(today.withDayOfYear(1), today, null, "online-submission").denominator()).isEqualTo(before + 1);
        assertCards(today.withDayOfYear(1), today, null, true);
        assertThat(browser.executeScript("return window.notReloaded")).as("the page was not reloaded").isEqualTo(true);
        assertThat(text("updated")).isNotEqualTo(updated).matches("Cập nhật lúc \\d\\d:\\d\\d:\\d\\d");
        assertThat(text("stream-state")).isEqualTo("Trực tiếp: đang nhận cập nhật");
        // The ranking below the cards follows too: the department of the new dossier.
        Expected.Pair department = expected(today.withDayOfYear(1), today, data.root, "online-submission");
        waitFor(() -> rows("ranking").stream().anyMatch(r -> data.root.equals(r.getAttribute("data-unit"))
                && r.findElements(By.tagName("td")).get(2).getText().equals(department.numerator() + " / " + department.denominator())),
                () -> "the ranking row of " + data.root + " with " + department);
        Chromium.screenshot(browser, "05-live", 1366);
    }

    @Test
    @Order(7)
    void aTokenInTheAddressSignsInAndLeavesTheAddressOnAPhone() throws Exception {
        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.executeScript("return sessionStorage.getItem('dvc.token')")).isNull();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        // A token in the query string would reach access logs and Referers: the page does not read it.
        browser.get(page + "?token=" + READER);
        waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.executeScript("return sessionStorage.getItem('dvc.token')")).isNull();
        // A fragment is never sent to the server: that one signs in.
        browser.get(page + "#token=" + READER);
        waitFor(() -> cards().size() == servedCount());
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        // Narrow screen: one card a row, nothing wider than the screen.
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        // The cards are drawn again when the live stream's first snapshot arrives: read them once they stand.
        waitFor(() -> cards().get(0).getRect().getWidth() > 300, () -> "a card as wide as the phone's screen");
        // Every field has its label.
        for (WebElement field : browser.findElements(By.cssSelector("select, input"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("label of #%s", field.getAttribute("id")).hasSize(1);
        }
        assertThat(browser.findElement(By.id("updated")).getAttribute("aria-live")).isEqualTo("polite");
        Chromium.screenshot(browser, "06-phone", 390);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    /**
     * Freshness must be visible. The browser's network is made to fail the stream and the server's status
     * is passed on with {@code stale: true} (the server's own threshold is FreshnessTest's and
     * DashboardEndpointsTest's business): the page must say both, with the server's time of the latest event.
     */
    @Test
    @Order(8)
    void aLostStreamAndStaleDataAreShown() throws Exception {
        browser.executeScript("""
                const real = window.fetch;
                window.fetch = (url, init) => {
                    if (String(url).startsWith('/api/v1/indicators/stream')) {
                        return Promise.reject(new TypeError('Failed to fetch'));
                    }
                    if (String(url).startsWith('/api/v1/dashboard/status')) {
                        return real(url, init).then(r => r.json()).then(s => new Response(JSON.stringify({ ...s, stale: true }),
                            { status: 200, headers: { 'Content-Type': 'application/json' } }));
                    }
                    return real(url, init);
                };""");
        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.findElement(By.id("token")).isDisplayed(), () -> "the sign-in form after signing out");
        browser.findElement(By.id("token")).sendKeys(READER, Keys.ENTER);
        waitFor(() -> cards().size() == servedCount());
        waitFor(() -> text("stream-state").equals("Mất kết nối trực tiếp: số liệu không tự cập nhật, đang thử kết nối lại…"));
        String last = given().auth().oauth2(READER).get("/api/v1/dashboard/status").then().extract().path("lastEventAt");
        String shown = last.substring(11, 19) + " " + day(LocalDate.parse(last.substring(0, 10)));
        waitFor(() -> browser.findElement(By.id("stale")).isDisplayed()
                && text("stale").equals("Số liệu có thể đã cũ: không có sự kiện mới từ " + shown + " (quá 15 phút)."),
                () -> "the stale warning, not '" + text("stale") + "'");
        assertThat(browser.findElement(By.id("stale")).getAttribute("role")).isEqualTo("alert");
        assertThat(text("last-event")).isEqualTo("Sự kiện gần nhất: " + shown);
        Chromium.screenshot(browser, "07-stale-and-offline", 1366);
    }

    /**
     * A school's own view: its unit-reporter's token opens its weeks instead of the officials' cards (aired, missed, a
     * school break, not over yet, as the server counts them), and its report form. dossier-service is not part of this
     * test: the page's calls to it are answered in the page as that service answers them (a 422 naming a field, a 403 for
     * another school, a 202), so that what the page does with each answer is what is checked here; the e2e test posts
     * to the real one.
     */
    @Test
    @Order(20)
    void aSchoolsTokenOpensItsOwnWeeksAndItsReportForm() throws Exception {
        OutreachWeeksTest.publishTheSchoolsOnce();
        String a = OutreachWeeksTest.A;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> given().auth()
                .oauth2(READER).queryParam("unit", a).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .get("/api/v1/outreach/weeks").then().statusCode(200).extract().jsonPath().getInt("weeksMissed") == 36);
        browser.get(page.toString());
        // Signed out through the page itself once its sign-in from the tab's storage has settled: a sign-in still under
        // way when the storage is cleared stores its token again when it ends, and the next load signs in with it.
        waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed() || browser.findElement(By.id("sign-out")).isDisplayed(),
                () -> "the page signed in or showing its sign-in form");
        if (browser.findElement(By.id("sign-out")).isDisplayed()) {
            browser.findElement(By.id("sign-out")).click();
            waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed(), () -> "the sign-in form after signing out");
        }
        browser.executeScript("sessionStorage.clear()");
        browser.get(page.toString());
        browser.executeScript("""
                window.stored = [];
                window.posted = [];
                const real = window.fetch;
                const reply = (status, body) => Promise.resolve(new Response(JSON.stringify(body),
                    { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }));
                window.fetch = (url, init) => {
                    const u = String(url);
                    if (!u.startsWith('http://localhost:8081/api/v1/outreach-events')) {
                        return real(url, init);
                    }
                    if (!init || init.method !== 'POST') {
                        window.listed = u;
                        return reply(200, { page: 0, size: 20, total: window.stored.length, items: window.stored });
                    }
                    const body = JSON.parse(init.body);
                    window.posted.push({ body, authorization: init.headers.Authorization });
                    if (!body.title) {
                        return reply(422, { status: 422, detail: '1 field breaks the contract: title is required',
                            errors: [{ field: 'title', message: 'is required' }] });
                    }
                    if (body.unitCode !== 'OW-A') {
                        return reply(403, { status: 403, detail: 'unitCode ' + body.unitCode + ' is not OW-A nor below it',
                            errors: [{ field: 'unitCode', message: 'must be OW-A or a unit below it' }] });
                    }
                    window.stored.unshift(body);
                    return reply(202, { accepted: 1, duplicates: 0 });
                };""");
        String token = TestTokens.unitReporter(a);
        waitFor(() -> browser.findElement(By.id("token")).isDisplayed() && browser.findElement(By.id("token")).isEnabled(),
                () -> "the sign-in form after the page reloaded");
        browser.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
        waitFor(() -> browser.findElement(By.id("school")).isDisplayed(), () -> "the school's view; the page says '"
                + text("sign-in-error") + "'");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).as("the officials' view").isFalse();
        assertThat(text("school-name")).isEqualTo("Trường THCS Ánh Dương (OW-A)");
        assertThat(browser.findElement(By.id("school-unit")).getAttribute("value")).isEqualTo(a);

        // This year: the weeks not over yet are shown as such, after those the server lists.
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        long pending = 0;
        for (LocalDate monday = LocalDate.of(today.getYear(), 1, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                java.time.DayOfWeek.MONDAY)); monday.plusDays(6).getYear() == today.getYear(); monday = monday.plusWeeks(1)) {
            if (!monday.plusDays(6).isBefore(today)) {
                pending++;
            }
        }
        long notOver = pending;
        waitFor(() -> weekItems("pending").size() == notOver, () -> notOver + " weeks not over yet, not " + weekItems("pending").size());
        assertThat(weekItems("pending")).allMatch(w -> w.getText().endsWith("Chưa hết tuần"));

        // 2021: 51 whole weeks, 12 of them in the summer break; A aired in 3 of the 39 others (its own broadcasts only).
        choose("school-year", "2021");
        waitFor(() -> text("school-summary").equals("Đã phát thanh 3 / 39 tuần tính chỉ tiêu; 36 tuần chưa phát."),
                () -> "the summary of 2021, not '" + text("school-summary") + "'");
        assertThat(browser.findElements(By.cssSelector("#school-weeks li"))).hasSize(51);
        assertThat(weekItems("break")).hasSize(12).allMatch(w -> w.getText().endsWith("Nghỉ: Nghỉ hè"));
        assertThat(weekItems("pending")).isEmpty();
        assertThat(weekItems("aired").stream().map(w -> w.getAttribute("data-monday")).toList())
                .containsExactly("2021-05-03", "2021-05-17", "2021-05-31");
        assertThat(weekText("2021-05-03")).isEqualTo("03/05 – 09/05/2021 | Đã phát 2 lần");
        assertThat(weekText("2021-05-10")).isEqualTo("10/05 – 16/05/2021 | Chưa phát");
        assertThat(weekText("2021-05-24")).as("its unit below aired, not A").endsWith("Chưa phát");
        assertThat(weekText("2021-06-07")).isEqualTo("07/06 – 13/06/2021 | Nghỉ: Nghỉ hè");
        assertThat(weekItems("missed")).hasSize(36);
        Chromium.screenshot(browser, "10-school-weeks", 1366);

        // A report dossier-service refuses for a field: the field says why, and nothing is listed.
        waitFor(() -> String.valueOf(browser.executeScript("return window.listed")).contains("from=2021-01-01")
                && text("school-events").contains("Chưa có hoạt động nào được báo cáo trong năm."));
        assertThat((String) browser.executeScript("return window.listed")).contains("unit=OW-A").contains("to=2021-12-31");
        browser.executeScript("const e = document.getElementById('school-time'); e.value = '2021-05-20T08:15';");
        browser.findElement(By.id("school-duration")).sendKeys("5");
        browser.findElement(By.id("school-send")).click();
        waitFor(() -> text("err-title").equals("is required"));
        assertThat(browser.findElement(By.id("school-item")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text("school-form-error")).isEqualTo("Báo cáo chưa được ghi nhận: hãy sửa các ô được chỉ ra.");

        // Accepted: the body as the contract has it, a fresh event id, the token; then the list shows it.
        browser.findElement(By.id("school-item")).sendKeys("Bản tin an toàn giao thông");
        browser.findElement(By.id("school-send")).click();
        waitFor(() -> text("school-result").equals("Đã ghi nhận: “Bản tin an toàn giao thông”."));
        assertThat(text("err-title")).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> posted = (List<Map<String, Object>>) browser.executeScript("return window.posted");
        assertThat(posted).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = (Map<String, Object>) posted.get(1).get("body");
        assertThat(sent).containsEntry("type", "BROADCAST_AIRED").containsEntry("unitCode", a)
                .containsEntry("title", "Bản tin an toàn giao thông").containsEntry("occurredAt", "2021-05-20T08:15:00+07:00")
                .containsEntry("durationSeconds", 300L).doesNotContainKeys("audience", "participants");
        assertThat((String) sent.get("eventId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(posted.get(1).get("authorization")).isEqualTo("Bearer " + token);
        waitFor(() -> rows("school-events").size() == 1 && cellsOf("school-events", 0).size() == 5);
        assertThat(cellsOf("school-events", 0)).containsExactly("08:15 20/05/2021", "Phát thanh", "Bản tin an toàn giao thông",
                "Thời lượng 5 phút", a);

        // Another school: refused, said, and said next to the unit's field.
        browser.findElement(By.id("school-unit")).clear();
        browser.findElement(By.id("school-unit")).sendKeys(OutreachWeeksTest.B);
        browser.findElement(By.id("school-item")).sendKeys("Bản tin của trường khác");
        browser.findElement(By.id("school-duration")).sendKeys("90");
        new Select(browser.findElement(By.id("school-duration-unit"))).selectByValue("1");
        browser.findElement(By.id("school-send")).click();
        waitFor(() -> text("school-form-error").startsWith("Bị từ chối (403): tài khoản này không được báo cáo cho đơn vị OW-B."),
                () -> "the refusal, not '" + text("school-form-error") + "'");
        assertThat(text("err-unitCode")).isEqualTo("must be OW-A or a unit below it");
        assertThat(rows("school-events")).hasSize(1);

        // A session: its own fields instead of the length.
        browser.findElement(By.id("school-kind-session")).click();
        assertThat(browser.findElement(By.id("school-duration")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("school-participants")).isDisplayed()).isTrue();
        assertThat(text("school-form").contains("Thời điểm tổ chức")).isTrue();
        browser.findElement(By.id("school-unit")).clear();
        browser.findElement(By.id("school-unit")).sendKeys(a);
        new Select(browser.findElement(By.id("school-audience"))).selectByValue("PARENTS");
        browser.findElement(By.id("school-participants")).sendKeys("120");
        browser.findElement(By.id("school-send")).click();
        waitFor(() -> rows("school-events").size() == 2);
        assertThat(cellsOf("school-events", 0)).containsExactly("08:15 20/05/2021", "Sinh hoạt, chuyên đề", "Bản tin của trường khác",
                "Cha mẹ học sinh, 120 người", a);
        Chromium.screenshot(browser, "11-school-report", 1366);

        // In English, then signed out: the officials' sign-in again, nothing of the school left.
        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("school-title").equals("Our outreach") && weekText("2021-05-03").endsWith("Aired 2 times"));
        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("school-title").equals("Công tác tuyên truyền của đơn vị"));
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the page's policy").isEmpty();
        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.findElement(By.id("school")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#school-weeks li"))).isEmpty();
    }

    private static List<WebElement> weekItems(String state) {
        return browser.findElements(By.cssSelector("#school-weeks li[data-state='" + state + "']"));
    }

    private static String weekText(String monday) {
        WebElement week = browser.findElement(By.cssSelector("#school-weeks li[data-monday='" + monday + "']"));
        return week.findElement(By.className("days")).getText() + " | " + week.findElement(By.className("said")).getText();
    }

    /**
     * The board of dossiers in process, first on the page: a department of its own (OPN) with open dossiers in each state,
     * due relative to the real now; the counts, the units ranked by overdue count, the list filtered by a state, a click
     * on a unit moving the scope, a dossier's timeline from the list and from the drill-down, and the warning for a year
     * whose calendar nobody configured.
     */
    @Test
    @Order(9)
    void theBoardOfDossiersInProcess() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
        LocalDate today = now.toLocalDate();
        String root = "OPN-SGD";
        String first = "OPN-PGD1";
        String second = "OPN-PGD2";
        List<Object> messages = new ArrayList<>(List.of(
                new UnitRecord(root, "Sở Giáo dục và Đào tạo OPN", UnitType.DEPARTMENT, null, null),
                new UnitRecord(first, "Phòng GDĐT OPN quận 1", UnitType.DISTRICT_OFFICE, root, null),
                new UnitRecord(second, "Phòng GDĐT OPN quận 2", UnitType.DISTRICT_OFFICE, root, null),
                new ProcedureRecord("OPN-P1", "Chuyển trường (bảng hồ sơ)", "Giáo dục", true, true, true, false)));
        // Overdue: two in the first district, one in the second (the first ranks first).
        messages.add(received("OPN-HS-1", first, now.minusDays(20), now.minusDays(5)));
        messages.add(received("OPN-HS-2", first, now.minusDays(10), now.minusDays(2)));
        messages.add(received("OPN-HS-3", second, now.minusDays(10), now.minusDays(3)));
        // Due soon: due tomorrow, at most one working day away whatever today is.
        messages.add(received("OPN-HS-4", second, now.minusDays(1), now.plusDays(1)));
        // On track: far ahead; its supplement was asked for and received, with a new appointment.
        messages.add(received("OPN-HS-5", second, now.minusDays(4), now.plusDays(30)));
        messages.add(openEvent("OPN-HS-5", second, "sr1", DossierEventType.SUPPLEMENT_REQUESTED, now.minusDays(3), null));
        messages.add(openEvent("OPN-HS-5", second, "sv1", DossierEventType.SUPPLEMENT_RECEIVED, now.minusDays(2), now.plusDays(60)));
        // Waiting on the applicant: a supplement asked for, not received.
        messages.add(new DossierEvent("opn-OPN-HS-6-submitted", DossierEventType.SUBMITTED, now.minusDays(6), "OPN-HS-6", "OPN-P1", first,
                Channel.ONLINE, true, new Applicant(ApplicantKind.CITIZEN, "f".repeat(64), true, false), null, null, null));
        messages.add(received("OPN-HS-6", first, now.minusDays(5), now.plusDays(30)));
        messages.add(openEvent("OPN-HS-6", first, "sr1", DossierEventType.SUPPLEMENT_REQUESTED, now.minusDays(1), null));
        // Ended: not in process any more.
        messages.add(received("OPN-HS-7", second, now.minusDays(5), now.plusDays(10)));
        messages.add(new DossierEvent("opn-OPN-HS-7-result", DossierEventType.RESULT_ISSUED, now.minusHours(1), "OPN-HS-7", "OPN-P1", second,
                null, null, null, null, Outcome.APPROVED, null));
        Published.send(messages);
        Map<String, Integer> all = Map.of("overdue", 3, "due-soon", 1, "waiting", 1, "on-track", 1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> all.equals(given().auth().oauth2(READER).queryParam("unit", root).get("/api/v1/open-dossiers/summary")
                        .then().statusCode(200).extract().jsonPath().getMap("counts")));

        // A fresh page (the last test broke its network), signed in from this tab's session; the board is first.
        browser.get(page.toString());
        waitFor(() -> cards().size() == servedCount());
        assertThat((Long) browser.executeScript("return document.getElementById('open').compareDocumentPosition("
                + "document.getElementById('cards')) & Node.DOCUMENT_POSITION_FOLLOWING")).as("the board above the cards").isPositive();
        assertThat(text("open-title")).isEqualTo("Hồ sơ đang giải quyết");
        choose("unit", root);
        waitFor(() -> boardCounts().equals(Map.of("", "6", "overdue", "3", "due-soon", "1", "waiting", "1", "on-track", "1")),
                () -> "the counts of " + root + ", not " + boardCounts());
        assertThat(text("open-scope")).startsWith("Sở Giáo dục và Đào tạo OPN — tính đến ");
        // The units directly below, most overdue first: a count per state each.
        waitFor(() -> boardUnits().equals(List.of(first, second)), () -> "the units ranked, not " + boardUnits());
        assertThat(cellsOf("open-units", 0)).containsExactly("Phòng GDĐT OPN quận 1 (OPN-PGD1)", "2", "0", "1", "0");
        assertThat(cellsOf("open-units", 1)).containsExactly("Phòng GDĐT OPN quận 2 (OPN-PGD2)", "1", "1", "0", "1");
        waitFor(() -> listed().size() == 6, () -> "the six dossiers in process, not " + listed());
        assertThat(listed()).doesNotContain("OPN-HS-7");
        assertThat(text("open-page-info")).isEqualTo("Trang 1 / 1 — 6 hồ sơ");

        // The calendar of this year: never PUT here, the board warns that its working days are Monday to Friday only.
        Map<String, Object> calendar = given().auth().oauth2(READER).get("/api/v1/calendars/" + today.getYear())
                .then().statusCode(200).extract().jsonPath().getMap("");
        if (Boolean.FALSE.equals(calendar.get("configured"))) {
            waitFor(() -> browser.findElement(By.id("calendar-warning")).isDisplayed());
            assertThat(text("calendar-warning")).isEqualTo("Lịch làm việc năm " + today.getYear() + " chưa được cấu hình: ngày làm việc "
                    + "của năm này chỉ được tính từ thứ Hai đến thứ Sáu (chưa có ngày nghỉ lễ, ngày làm bù).");
        } else {
            assertThat(browser.findElement(By.id("calendar-warning")).isDisplayed()).as("a configured year: no warning").isFalse();
        }
        Chromium.screenshot(browser, "open-dossiers-board", 1366);

        // A state filters the list: the overdue ones, oldest due first, each with its working days late.
        again(() -> { boardButton("overdue").click(); return null; });
        waitFor(() -> listed().equals(List.of("OPN-HS-1", "OPN-HS-3", "OPN-HS-2")), () -> "the overdue dossiers, not " + listed());
        assertThat(boardButton("overdue").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(text("open-list-title")).isEqualTo("Danh sách hồ sơ: Quá hạn");
        assertThat(cellsOf("open-list", 0)).containsExactly("OPN-HS-1", "Quá hạn", "Chuyển trường (bảng hồ sơ) (OPN-P1)",
                "Phòng GDĐT OPN quận 1 (OPN-PGD1)", shown(now.minusDays(20)), shown(now.minusDays(5)),
                "quá hạn " + workingDays(calendar, today.minusDays(5), today) + " ngày làm việc", "0");

        // A unit of the ranking moves the scope there: the picker, the counts, the list (still the overdue ones).
        again(() -> { browser.findElement(By.cssSelector("#open-units button[data-unit='" + second + "']")).click(); return null; });
        waitFor(() -> second.equals(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getAttribute("value")));
        waitFor(() -> boardCounts().equals(Map.of("", "3", "overdue", "1", "due-soon", "1", "waiting", "0", "on-track", "1")),
                () -> "the counts of " + second + ", not " + boardCounts());
        waitFor(() -> listed().equals(List.of("OPN-HS-3")), () -> "the overdue dossier of " + second + ", not " + listed());
        waitFor(() -> rows("open-units").size() == 1 && text("open-units").contains("Không có đơn vị trực thuộc."));
        // The same state again: the whole list.
        again(() -> { boardButton("overdue").click(); return null; });
        waitFor(() -> listed().equals(List.of("OPN-HS-3", "OPN-HS-4", "OPN-HS-5")), () -> "every dossier of " + second + ", not " + listed());
        List<String> dueSoon = cellsOf("open-list", 1);
        assertThat(dueSoon.get(1)).isEqualTo("Sắp đến hạn");
        assertThat(dueSoon.get(6)).isEqualTo("còn " + workingDays(calendar, today, today.plusDays(1)) + " ngày làm việc");
        assertThat(cellsOf("open-list", 2).get(7)).as("supplement requests").isEqualTo("1");

        // A dossier's timeline, one click from its code: its state now and every event in words.
        again(() -> { browser.findElement(By.cssSelector("#open-list button[data-dossier='OPN-HS-5']")).click(); return null; });
        waitFor(() -> timelineEvents().size() == 3, () -> "the timeline of OPN-HS-5, not " + timelineEvents());
        assertThat(text("timeline-title")).isEqualTo("Diễn biến hồ sơ OPN-HS-5");
        assertThat(fact("state")).isEqualTo("Trong hạn");
        assertThat(fact("unit")).isEqualTo("Phòng GDĐT OPN quận 2 (OPN-PGD2)");
        assertThat(fact("due")).as("the new appointment").isEqualTo(shown(now.plusDays(60)));
        // Each event's time and type in words, oldest first; of its details, the due it sets.
        List<List<String>> events = timelineEvents();
        assertThat(events).extracting(e -> e.get(0) + " " + e.get(1)).containsExactly(shown(now.minusDays(4)) + " Tiếp nhận",
                shown(now.minusDays(3)) + " Yêu cầu bổ sung", shown(now.minusDays(2)) + " Nhận bổ sung");
        assertThat(events.get(0).get(2)).contains("Hạn giải quyết: " + shown(now.plusDays(30)));
        assertThat(events.get(2).get(2)).contains("Hạn giải quyết: " + shown(now.plusDays(60)));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitFor(() -> !browser.findElement(By.id("timeline")).isDisplayed());
        assertThat(browser.switchTo().activeElement().getAttribute("data-dossier")).as("focus back on the code").isEqualTo("OPN-HS-5");

        // And from the drill-down: the dossiers received in the last month in the first district.
        choose("period-kind", "custom");
        setDate("from", today.minusDays(30).toString());
        setDate("to", today.toString());
        choose("unit", first);
        choose("indicator", "dossier-digitization");
        choose("drill-set", "denominator");
        waitFor(() -> codes().containsAll(List.of("OPN-HS-1", "OPN-HS-2", "OPN-HS-6")), () -> "the received dossiers, not " + codes());
        again(() -> { browser.findElement(By.cssSelector("#drill button[data-dossier='OPN-HS-6']")).click(); return null; });
        waitFor(() -> timelineEvents().size() == 3, () -> "the timeline of OPN-HS-6, not " + timelineEvents());
        assertThat(fact("state")).isEqualTo("Chờ bổ sung");
        events = timelineEvents();
        assertThat(events).extracting(e -> e.get(0) + " " + e.get(1)).containsExactly(shown(now.minusDays(6)) + " Nộp hồ sơ",
                shown(now.minusDays(5)) + " Tiếp nhận", shown(now.minusDays(1)) + " Yêu cầu bổ sung");
        assertThat(events.get(0).get(2)).contains("Kênh nộp: trực tuyến").contains("Toàn trình: có");
        assertThat(browser.findElement(By.id("timeline")).getText()).as("nothing personal").doesNotContain("f".repeat(64));
        browser.findElement(By.id("timeline-close")).click();
        waitFor(() -> !browser.findElement(By.id("timeline")).isDisplayed());

        // In English.
        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("open-title").equals("Dossiers in process"));
        waitFor(() -> boardButton("overdue").getText().equals("2\nOverdue") || boardButton("overdue").getText().equals("2 Overdue"),
                () -> "the overdue count of " + first + " in English, not '" + boardButton("overdue").getText() + "'");
        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("open-title").equals("Hồ sơ đang giải quyết"));
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the page's policy").isEmpty();
    }

    private static DossierEvent received(String dossier, String unit, OffsetDateTime at, OffsetDateTime due) {
        return openEvent(dossier, unit, "received", DossierEventType.RECEIVED, at, due);
    }

    private static DossierEvent openEvent(String dossier, String unit, String suffix, DossierEventType type, OffsetDateTime at,
            OffsetDateTime due) {
        return new DossierEvent("opn-" + dossier + "-" + suffix, type, at, dossier, "OPN-P1", unit, null, null, null, due, null, null);
    }

    /** The working days d with after < d <= until, by the calendar the server serves (section 6), read independently. */
    @SuppressWarnings("unchecked")
    private static long workingDays(Map<String, Object> calendar, LocalDate after, LocalDate until) {
        Set<String> holidays = new HashSet<>((List<String>) calendar.getOrDefault("holidays", List.of()));
        Set<String> worked = new HashSet<>((List<String>) calendar.getOrDefault("workingWeekendDays", List.of()));
        long n = 0;
        for (LocalDate d = after.plusDays(1); !d.isAfter(until); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek().getValue() <= 5;
            if ((weekday && !holidays.contains(d.toString())) || worked.contains(d.toString())) {
                n++;
            }
        }
        return n;
    }

    /** A time as the page shows it: hh:mm dd/mm/yyyy on the department's clock. */
    private static String shown(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.ofHours(7)).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
    }

    private static String fact(String field) {
        return browser.findElement(By.cssSelector("#timeline-facts dd[data-field='" + field + "']")).getText();
    }

    private static WebElement boardButton(String state) {
        return browser.findElement(By.cssSelector("#open-counts button[data-state='" + state + "']"));
    }

    /** The count each state's button shows ("" for all). */
    private static Map<String, String> boardCounts() {
        Map<String, String> counts = new java.util.HashMap<>();
        for (WebElement b : browser.findElements(By.cssSelector("#open-counts button"))) {
            counts.put(b.getAttribute("data-state"), b.findElement(By.className("count")).getText());
        }
        return counts;
    }

    private static List<String> boardUnits() {
        return rows("open-units").stream().map(r -> r.getAttribute("data-unit")).filter(u -> u != null).toList();
    }

    private static List<String> listed() {
        return again(() -> rows("open-list").stream().map(r -> r.getAttribute("data-dossier")).filter(c -> c != null).toList());
    }

    /** The cells of a row of a table that the page may draw again at any moment (the board's refresh): read again then. */
    private static List<String> cellsOf(String table, int index) {
        return again(() -> cells(rows(table).get(index)));
    }

    /** A read or a click on what the page may draw again at any moment (the board's refresh, the live updates), retried then. */
    private static <T> T again(java.util.function.Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private static List<List<String>> timelineEvents() {
        return rows("timeline-events").stream().filter(r -> r.getAttribute("data-type") != null).map(DashboardBrowserTest::cells).toList();
    }

    /**
     * The "Kế hoạch" view: the plan's 13 tasks of 2024 with the statuses the API serves (every unit, the whole year), in
     * Vietnamese and English; an admin reports row 12's progress with the row's form and its status follows.
     */
    @Test
    @Order(10)
    void thePlanViewShowsTheThirteenTasksAndAnAdminReportsRowTwelve() throws Exception {
        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        browser.findElement(By.id("token")).sendKeys(TestTokens.admin(), Keys.ENTER);
        waitFor(() -> cards().size() == servedCount());
        choose("period-kind", "year");
        choose("year", "2024");
        waitFor(() -> rows("plan-tasks").size() == 13, () -> "13 tasks, not " + rows("plan-tasks").size() + ": " + text("plan-error"));
        List<Map<String, Object>> served = given().auth().oauth2(READER).get("/api/v1/plans/2024/tasks").then().statusCode(200)
                .extract().jsonPath().getList("");
        Map<String, String> vi = Map.of("met", "Đạt", "behind", "Chưa đạt", "no-data", "Chưa có số liệu");
        waitFor(() -> planBadges().equals(served.stream().map(t -> vi.get((String) t.get("status"))).toList()),
                () -> "the served statuses, not " + planBadges());
        WebElement six = planRow(6);
        assertThat(six.getText()).contains("50% hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa")
                .contains("Bộ phận Một cửa Sở").contains("Năm 2024").contains("Tỷ lệ hồ sơ nộp trực tuyến");
        // Only the rows whose status is reported have the form.
        assertThat(browser.findElements(By.cssSelector("#plan-tasks form.task-report")).stream().map(f -> f.getAttribute("data-task"))
                .toList()).containsExactly("1", "12");

        new Select(browser.findElement(By.id("task-status-12"))).selectByValue("DONE");
        browser.findElement(By.id("task-note-12")).clear();
        browser.findElement(By.id("task-note-12")).sendKeys("Đã sinh hoạt chuyên đề tại các trường");
        planRow(12).findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> planRow(12).findElement(By.cssSelector(".badge")).getText().equals("Đạt")
                && planRow(12).getText().contains("Đã báo cáo: Đã hoàn thành"), () -> "row 12 reported, not " + planRow(12).getText());
        assertThat((String) given().auth().oauth2(READER).get("/api/v1/plans/2024/tasks").then().extract()
                .path("find { it.number == 12 }.reported.note")).isEqualTo("Đã sinh hoạt chuyên đề tại các trường");
        Chromium.screenshot(browser, "08-plan-tasks", 1366);

        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("plan-title").equals("Plan: tasks and measures"));
        waitFor(() -> planRow(12).findElement(By.cssSelector(".badge")).getText().equals("Met"));
        assertThat(planRow(6).getText()).contains("50% of administrative procedure dossiers are submitted remotely online");
        Map<String, String> en = Map.of("met", "Met", "behind", "Behind", "no-data", "No data");
        assertThat(planBadges().get(5)).isEqualTo(en.get((String) served.get(5).get("status")));
        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("plan-title").equals("Kế hoạch: các nhiệm vụ, giải pháp"));
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the page's policy").isEmpty();
    }

    private static List<String> planBadges() {
        return rows("plan-tasks").stream().map(r -> r.findElement(By.cssSelector(".badge")).getText()).toList();
    }

    private static WebElement planRow(int number) {
        return browser.findElement(By.cssSelector("#plan-tasks tr[data-task='" + number + "']"));
    }

    /**
     * The "Chỉ số 766 (ước tính)" view for the department over 2024: the total, each group and a criterion's points lost as
     * GET /api/v1/scorecard serves them for that scope, labelled as an estimate; a click on the criterion lists its gap
     * with the drill-down's total; the units below in the served order, and a click on one re-scopes the view; the months
     * of the series; in English too.
     */
    @Test
    @Order(11)
    void theScorecardViewShowsTheServedPointsAndTheDossiersBehindTheLostOnes() throws Exception {
        showTheDepartmentIn2024();
        Map<String, Object> served = scorecard("", FROM, TO, data.root);
        assertThat(served.get("estimate")).isEqualTo(true);
        waitFor(() -> gaugeText("total").equals(gauge(served, VI)), () -> "the total " + gauge(served, VI) + ", not " + gaugeText("total"));
        assertThat(text("scorecard-text")).contains("Ước tính", (String) served.get("version"), "Quyết định 766/QĐ-TTg",
                "Điểm chính thức là điểm do Cổng Dịch vụ công quốc gia công bố");
        List<Map<String, Object>> groups = list(served, "groups");
        assertThat(groups).isNotEmpty();
        for (Map<String, Object> group : groups) {
            assertThat(gaugeText((String) group.get("id"))).as("group " + group.get("id")).isEqualTo(gauge(group, VI));
        }

        // A criterion that lost points: its points, the points lost and how many more would win them back, in its subject's word.
        Map<String, Object> lost = groups.stream().flatMap(g -> list(g, "criteria").stream())
                .filter(c -> c.get("pointsLost") != null && dec(c.get("pointsLost")).signum() > 0).findFirst()
                .orElseThrow(() -> new AssertionError("no criterion of " + data.root + " lost points in 2024: " + served));
        List<String> row = cells(criterionRow((String) lost.get("id")));
        assertThat(row.get(0)).isEqualTo(lost.get("id"));
        assertThat(row.get(2)).startsWith(percent(dec(lost.get("value")), VI) + " / " + percent(dec(lost.get("fullAt")), VI));
        assertThat(row.get(3)).isEqualTo(points(lost.get("points"), VI) + " / " + points(lost.get("maxPoints"), VI));
        assertThat(row.get(4)).isEqualTo(points(lost.get("pointsLost"), VI));
        long needed = ((Number) lost.get("needed")).longValue();
        assertThat(row.get(5)).isEqualTo(needed == 0 ? "Đã đủ điểm"
                : "+" + whole(needed, VI) + " " + SUBJECT_WORDS.get((String) lost.get("subject"))[0]);

        // What is not computed here, with the data each needs.
        List<Map<String, Object>> missing = list(served, "notComputed");
        List<WebElement> items = browser.findElements(By.cssSelector("#scorecard-missing li"));
        assertThat(items).hasSameSizeAs(missing);
        for (int i = 0; i < missing.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> needs = (Map<String, String>) missing.get(i).get("dataNeeded");
            assertThat(items.get(i).getText()).startsWith(missing.get(i).get("id") + ". ")
                    .contains(points(missing.get(i).get("maxPoints"), VI) + " điểm").endsWith("Cần dữ liệu: " + needs.get("vi"));
        }

        // The units below, in the served order, each with its total.
        List<Map<String, Object>> units = list(scorecard("/units", FROM, TO, data.root), "units");
        assertThat(units).extracting(u -> (String) u.get("code")).containsExactlyInAnyOrderElementsOf(data.districts);
        waitFor(() -> rows("scorecard-units").stream().map(r -> r.getAttribute("data-unit")).toList()
                .equals(units.stream().map(u -> (String) u.get("code")).toList()), () -> "the units as served: " + units);
        for (int i = 0; i < units.size(); i++) {
            List<String> unit = cellsOf("scorecard-units", i);
            assertThat(unit.get(0)).isEqualTo(String.valueOf(units.get(i).get("rank")));
            assertThat(unit.get(2)).isEqualTo(points(units.get(i).get("earned"), VI) + " / " + points(units.get(i).get("possible"), VI));
        }

        // The total month by month: a bar and a row of the table each.
        List<Map<String, Object>> months = list(scorecard("/series", FROM, TO, data.root), "buckets");
        assertThat(months).hasSize(12);
        waitFor(() -> rows("scorecard-series").size() == 12);
        assertThat(browser.findElements(By.cssSelector("#scorecard-trend rect.earned")))
                .hasSize((int) months.stream().filter(b -> b.get("earned") != null).count());
        for (int m = 0; m < 12; m++) {
            Map<String, Object> month = months.get(m);
            int index = m;
            List<String> shown = again(() -> rows("scorecard-series").get(index).findElements(By.tagName("td")).stream()
                    .map(c -> c.getAttribute("textContent")).toList());
            assertThat(shown.get(0)).isEqualTo(day(LocalDate.parse((String) month.get("from"))) + " – "
                    + day(LocalDate.parse((String) month.get("to"))));
            assertThat(shown.get(1)).isEqualTo(month.get("earned") == null ? "—" : points(month.get("earned"), VI));
        }
        browser.executeScript("document.getElementById('scorecard').scrollIntoView()");
        Chromium.screenshot(browser, "09-scorecard", 1366);

        // The lost points' dossiers: the indicator's gap list, with the drill-down endpoint's total.
        String indicator = (String) lost.get("indicator");
        int gap = given().auth().oauth2(READER).queryParam("set", "gap").queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .queryParam("unit", data.root).queryParam("page", 0).queryParam("size", 20)
                .get("/api/v1/indicators/" + indicator + "/dossiers").then().statusCode(200).extract().path("total");
        assertThat(gap).as("the gap behind the lost points of " + lost.get("id")).isPositive();
        criterionRow((String) lost.get("id")).findElement(By.cssSelector("button[data-gap]")).click();
        waitFor(() -> "detail-title".equals(browser.switchTo().activeElement().getAttribute("id")));
        assertThat(new Select(browser.findElement(By.id("drill-set"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("gap");
        waitFor(() -> text("page-info").equals("Trang 1 / " + (gap + 19) / 20 + " — " + gap + " mục"),
                () -> "the gap's " + gap + " items, not " + text("page-info"));

        // A unit of the ranking re-scopes the view to it.
        String district = (String) units.get(0).get("code");
        browser.findElement(By.cssSelector("#scorecard-units button[data-unit='" + district + "']")).click();
        waitFor(() -> district.equals(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getAttribute("value")));
        Map<String, Object> ofDistrict = scorecard("", FROM, TO, district);
        waitFor(() -> gaugeText("total").equals(gauge(ofDistrict, VI)) && rows("scorecard-units").stream()
                .allMatch(r -> data.schools.contains(r.getAttribute("data-unit"))),
                () -> district + "'s total " + gauge(ofDistrict, VI) + " and its schools, not " + gaugeText("total"));

        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("scorecard-title").equals("Scorecard 766 (estimate)"));
        waitFor(() -> gaugeText("total").equals(gauge(ofDistrict, EN)), () -> "the total in English, not " + gaugeText("total"));
        assertThat(text("scorecard-text")).contains("Estimated", "The official score is the one the National Public Service Portal publishes");
        browser.findElement(By.id("lang")).click();
        waitFor(() -> text("scorecard-title").equals("Chỉ số 766 (ước tính)"));
        // On a phone: nothing wider than the screen, each criterion a card of its own.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        waitFor(() -> (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
        assertThat(criterionRow((String) lost.get("id")).findElement(By.tagName("td")).getCssValue("display")).isEqualTo("block");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

        // A year before 2024: scored by an earlier definition if the server has one, else the page says there is none.
        choose("year", "2023");
        var before = given().auth().oauth2(READER).queryParam("from", "2023-01-01").queryParam("to", "2023-12-31")
                .queryParam("unit", district).get("/api/v1/scorecard").then().extract();
        if (before.statusCode() == 404) {
            waitFor(() -> text("scorecard-error").equals("Chưa có bộ tiêu chí Chỉ số 766 áp dụng cho năm 2023: không ước tính được điểm.")
                    && browser.findElements(By.cssSelector("#scorecard-gauges li")).isEmpty(), () -> "no definition for 2023, not "
                    + text("scorecard-error"));
        } else {
            Map<String, Object> of2023 = scorecard("", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), district);
            waitFor(() -> gaugeText("total").equals(gauge(of2023, VI)), () -> "2023's total, not " + gaugeText("total"));
        }
        choose("year", "2024");
        waitFor(() -> gaugeText("total").equals(gauge(ofDistrict, VI)));
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the page's policy").isEmpty();
    }

    /** GET /api/v1/scorecard{path} over a scope, decimals kept exact. */
    private static Map<String, Object> scorecard(String path, LocalDate from, LocalDate to, String unit) {
        String body = given().auth().oauth2(READER).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("unit", unit).get("/api/v1/scorecard" + path).then().statusCode(200).extract().asString();
        return io.restassured.path.json.JsonPath.from(body).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getMap("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    private static BigDecimal dec(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    /** Points as the page writes them: up to 2 decimals. */
    private static String points(Object number, DecimalFormatSymbols symbols) {
        return new DecimalFormat("#,##0.##", symbols).format(dec(number));
    }

    /** A gauge's words: earned of possible, out of the maxPoints (of a group, or the definition's total). */
    private static String gauge(Map<String, Object> part, DecimalFormatSymbols symbols) {
        String earned = points(part.get("earned"), symbols);
        String possible = points(part.get("possible"), symbols);
        String max = points(part.get("maxPoints"), symbols);
        return symbols == VI ? earned + " / " + possible + " điểm tính được (tối đa " + max + ")"
                : earned + " of " + possible + " points computed (out of " + max + ")";
    }

    private static String gaugeText(String group) {
        List<WebElement> found = browser.findElements(By.cssSelector("#scorecard-gauges li[data-group='" + group + "'] .gauge-text"));
        return found.isEmpty() ? "" : again(() -> found.get(0).getText());
    }

    private static WebElement criterionRow(String id) {
        return browser.findElement(By.cssSelector("#scorecard-criteria tr[data-criterion='" + id + "']"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    /**
     * r2 (issue 20): the drill-down as a clerk works it: sorted by a heading (both ways), filtered by unit and procedure,
     * exported as it is filtered, and a row (not only its code) opening the dossier's timeline. The rows are checked
     * against a reading of the events sent: which dossiers were submitted online in 2024, where, and when.
     */
    @Test
    @Order(12)
    void theDrillDownSortsFiltersExportsAndOpensATimelineFromARow() throws Exception {
        showTheDepartmentIn2024();
        choose("indicator", "online-submission");
        choose("drill-set", "numerator");
        // Independently: each dossier submitted online on a 2024 day (department time), with its unit, procedure and time.
        Map<String, DossierEvent> online = new java.util.TreeMap<>();
        for (DossierEvent e : Published.LEDGER.dossierEvents()) {
            if (e.type() == DossierEventType.SUBMITTED && e.channel() == Channel.ONLINE
                    && e.occurredAt().atZoneSameInstant(ZoneOffset.ofHours(7)).getYear() == 2024 && e.dossierCode().startsWith("WEB-")) {
                online.putIfAbsent(e.dossierCode(), e);
            }
        }
        Expected.Pair total = expected(FROM, TO, data.root, "online-submission");
        assertThat((long) online.size()).as("our reading of the events agrees with Expected").isEqualTo(total.numerator());
        waitFor(() -> text("page-info").endsWith(" — " + total.numerator() + " mục"), () -> "all " + total.numerator() + ", not " + text("page-info"));

        // Sorted by submission, earliest first, then latest first: the page holds the 20 earliest (latest) submissions.
        List<OffsetDateTime> times = online.values().stream().map(DossierEvent::occurredAt).sorted().toList();
        again(() -> { browser.findElement(By.cssSelector("#drill button[data-sort=submittedAt]")).click(); return null; });
        waitFor(() -> submittedOfShown(online).equals(times.subList(0, 20)), () -> "the 20 earliest, not " + codes());
        assertThat(browser.findElement(By.cssSelector("#drill th[aria-sort=ascending]")).getText()).startsWith("Ngày nộp");
        again(() -> { browser.findElement(By.cssSelector("#drill button[data-sort=submittedAt]")).click(); return null; });
        List<OffsetDateTime> latest = new ArrayList<>(times.subList(times.size() - 20, times.size()));
        java.util.Collections.reverse(latest);
        waitFor(() -> submittedOfShown(online).equals(latest), () -> "the 20 latest, not " + codes());

        // Filtered by one unit (exactly the unit that received the dossier: the scope picker takes whole subtrees), the one
        // with the most such dossiers, then by one procedure there.
        String filtered = online.values().stream().collect(java.util.stream.Collectors.groupingBy(DossierEvent::unitCode,
                java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<String> filteredUnits = Set.of(filtered);
        List<DossierEvent> inUnit = online.values().stream().filter(e -> filteredUnits.contains(e.unitCode())).toList();
        again(() -> { choose("drill-unit", filtered); return null; });
        waitFor(() -> text("page-info").endsWith(" — " + inUnit.size() + " mục"), () -> inUnit.size() + " in " + filtered + ", not " + text("page-info"));
        String procedure = inUnit.stream().collect(java.util.stream.Collectors.groupingBy(DossierEvent::procedureCode,
                java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> expectedCodes = inUnit.stream().filter(e -> e.procedureCode().equals(procedure))
                .sorted(java.util.Comparator.comparing(DossierEvent::occurredAt).reversed()).map(DossierEvent::dossierCode).toList();
        browser.executeScript("const e = document.getElementById('drill-procedure'); e.value = arguments[0];"
                + "e.dispatchEvent(new Event('change'));", procedure);
        waitFor(() -> text("page-info").endsWith(" — " + expectedCodes.size() + " mục"),
                () -> expectedCodes.size() + " of " + procedure + ", not " + text("page-info"));
        List<String> shown = codes();
        assertThat(expectedCodes).as("only that procedure in that unit").containsAll(shown);
        assertThat(submittedOfShown(online)).as("latest first still").isEqualTo(expectedCodes.subList(0, Math.min(20, expectedCodes.size()))
                .stream().map(c -> online.get(c).occurredAt()).toList());
        for (WebElement row : rows("drill")) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(2).getText()).contains(procedure);
            assertThat(filteredUnits.stream().anyMatch(u -> cells.get(3).getText().contains("(" + u + ")"))).as(cells.get(3).getText()).isTrue();
        }
        Chromium.screenshot(browser, "15-drill-down", 1366, "detail");

        // Exported as filtered: every row, the same dossiers.
        browser.findElement(By.id("drill-csv")).click();
        Path csv = downloaded("chi-tieu-online-submission-numerator-" + data.root + "-2024-01-01-2024-12-31.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(expectedCodes.size());
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(',')).replace("\"", "")).containsExactlyInAnyOrderElementsOf(expectedCodes);
        waitFor(() -> text("drill-file").startsWith("Đã tải chi-tieu-online-submission-"));

        // A click on the row, away from the code's button, opens that dossier's timeline.
        String first = shown.get(0);
        again(() -> { rows("drill").get(0).findElements(By.tagName("td")).get(4).click(); return null; });
        waitFor(() -> text("timeline-title").equals("Diễn biến hồ sơ " + first), () -> "the timeline of " + first + ", not " + text("timeline-title"));
        waitFor(() -> !timelineEvents().isEmpty());
        assertThat(timelineEvents()).extracting(e -> e.get(1)).contains("Nộp hồ sơ");
        browser.findElement(By.id("timeline-close")).click();
        waitFor(() -> !browser.findElement(By.id("timeline")).isDisplayed());
        // The filters are cleared for the next part of the page.
        browser.executeScript("const e = document.getElementById('drill-procedure'); e.value = ''; e.dispatchEvent(new Event('change'));");
        again(() -> { choose("drill-unit", ""); return null; });
        waitFor(() -> text("page-info").endsWith(" — " + total.numerator() + " mục"));
    }

    /**
     * r2 (issue 20): the "Báo cáo đã chốt" view. An admin closes a filtered's 2024 report from the page; the figures as
     * closed are the independent counts of then; a late dossier then moves the live figures, and the view shows both,
     * the revision and the late event (whose code opens its timeline), while the file downloaded from the view is still
     * the report as sent.
     */
    @Test
    @Order(13)
    void theClosedReportsViewShowsTheFiguresAsSentAndTheirRevisions() throws Exception {
        // Signed in as an admin since the plan's view (order 10): the page offers the closing.
        showTheDepartmentIn2024();
        String filtered = data.districts.get(1);
        String districtName = data.reference.stream().filter(r -> r instanceof UnitRecord u && u.code().equals(filtered))
                .map(r -> ((UnitRecord) r).name()).findFirst().orElseThrow() + " (" + filtered + ")";
        choose("unit", filtered);
        waitFor(() -> text("closed-state").equals("Báo cáo năm 2024 của " + districtName + " chưa được chốt."),
                () -> "not closed yet, not '" + text("closed-state") + "'");
        Map<String, Expected.Pair> before = Expected.indicators(Published.LEDGER, FROM, TO, filtered);
        assertThat(text("close-report")).isEqualTo("Chốt báo cáo năm 2024: " + districtName);
        browser.findElement(By.id("close-report")).click();
        waitFor(() -> text("closed-error").equals("Đã chốt báo cáo."), () -> "closed, not '" + text("closed-error") + "'");
        waitFor(() -> rows("closed-list").stream().anyMatch(r -> filtered.equals(r.getAttribute("data-unit"))));
        assertThat(text("closed-state")).startsWith("Chốt lúc ").contains("0 / " + before.size() + " chỉ tiêu đã thay đổi");
        assertClosedFigures(before, 1);
        // Closing again keeps the first closing.
        browser.findElement(By.id("close-report")).click();
        waitFor(() -> text("closed-error").equals("Báo cáo này đã được chốt trước đó; giữ nguyên lần chốt đầu."));

        // A late dossier of June 2024 in a school of the filtered.
        String school = data.reference.stream().filter(r -> r instanceof UnitRecord u && filtered.equals(u.parentCode()))
                .map(r -> ((UnitRecord) r).code()).findFirst().orElseThrow();
        String procedure = data.reference.stream().filter(r -> r instanceof ProcedureRecord).map(r -> ((ProcedureRecord) r).code())
                .findFirst().orElseThrow();
        DossierEvent late = new DossierEvent("web-closed-late-1", DossierEventType.SUBMITTED,
                OffsetDateTime.of(2024, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(7)), "WEB-LATE-HS-1", procedure, school, Channel.ONLINE, true,
                new Applicant(ApplicantKind.CITIZEN, "e".repeat(64), true, true), null, null, null);
        Published.send(List.of(late));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, filtered));
        Map<String, Expected.Pair> after = Expected.indicators(Published.LEDGER, FROM, TO, filtered);
        long moved = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count();
        assertThat(moved).isPositive();
        // The view is read again with the scope: back to the filtered.
        choose("unit", data.root);
        choose("unit", filtered);
        waitFor(() -> text("closed-state").contains(moved + " / " + before.size() + " chỉ tiêu đã thay đổi"),
                () -> moved + " moved, not '" + text("closed-state") + "'");
        assertClosedFigures(before, 1);
        assertClosedFigures(after, 2);
        WebElement online = browser.findElement(By.cssSelector("#closed-figures tr[data-indicator=online-submission]"));
        assertThat(online.getAttribute("class")).isEqualTo("revised");
        assertThat(online.findElements(By.tagName("td")).get(2).getText()).startsWith("+1 / +1 (");
        waitFor(() -> rows("closed-late").size() == 1 && "web-closed-late-1".equals(rows("closed-late").get(0).getAttribute("data-event")));
        List<String> lateCells = cells(rows("closed-late").get(0));
        assertThat(lateCells.get(1)).isEqualTo("10:00 12/06/2024");
        assertThat(lateCells.get(2)).isEqualTo("Nộp hồ sơ");
        assertThat(lateCells.get(3)).isEqualTo("WEB-LATE-HS-1");
        Chromium.screenshot(browser, "16-closed-report", 1366, "closed");
        again(() -> { browser.findElement(By.cssSelector("#closed-late button[data-dossier='WEB-LATE-HS-1']")).click(); return null; });
        waitFor(() -> text("timeline-title").equals("Diễn biến hồ sơ WEB-LATE-HS-1"));
        browser.findElement(By.id("timeline-close")).click();
        waitFor(() -> !browser.findElement(By.id("timeline")).isDisplayed());

        // The file from the view is the report as sent: the numbers of before the late dossier.
        WebElement row = rows("closed-list").stream().filter(r -> filtered.equals(r.getAttribute("data-unit"))).findFirst().orElseThrow();
        row.findElement(By.xpath(".//button[text()='XLSX']")).click();
        Path xlsx = downloaded("bao-cao-ke-hoach-2024-" + filtered + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            boolean found = false;
            for (var r : book.getSheet("Tổng hợp")) {
                if (r.getCell(1) != null && "online-submission".equals(r.getCell(1).toString())) {
                    assertThat((long) r.getCell(3).getNumericCellValue()).isEqualTo(before.get("online-submission").numerator());
                    assertThat((long) r.getCell(4).getNumericCellValue()).isEqualTo(before.get("online-submission").denominator());
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        waitFor(() -> text("closed-file").equals("Đã tải bao-cao-ke-hoach-2024-" + filtered + ".xlsx"));
    }

    /** Each indicator's row of the closed view: its numerator and denominator in column {@code column} (1: as closed, 2: now). */
    private static void assertClosedFigures(Map<String, Expected.Pair> expected, int column) {
        waitFor(() -> rows("closed-figures").size() == expected.size(), () -> expected.size() + " figures, not " + rows("closed-figures").size());
        for (WebElement row : rows("closed-figures")) {
            String id = row.getAttribute("data-indicator");
            Expected.Pair pair = expected.get(id);
            String ratio = pair.denominator() == null ? whole(pair.numerator(), VI)
                    : whole(pair.numerator(), VI) + " / " + whole(pair.denominator(), VI);
            String shown = row.findElements(By.xpath("./*")).get(column).getText();
            assertThat(shown.equals(ratio) || shown.endsWith("(" + ratio + ")")).as(id + ": '" + shown + "' shows " + ratio).isTrue();
        }
    }

    /** The submission times of the dossiers on the drill-down's page, in its order. */
    private static List<OffsetDateTime> submittedOfShown(Map<String, DossierEvent> online) {
        return codes().stream().map(c -> online.containsKey(c) ? online.get(c).occurredAt() : null).toList();
    }

    private static void showTheDepartmentIn2024() {
        choose("period-kind", "year");
        choose("year", "2024");
        choose("unit", data.root);
        assertCards(FROM, TO, data.root, true);
    }

    // --- what the cards must say ---

    /** Every card's value, target, verdict, counts and "how many more", as computed independently. */
    private static void assertCards(LocalDate from, LocalDate to, String unit, boolean vietnamese) {
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, from, to, unit);
        Map<String, Object> targets = given().auth().oauth2(READER).get("/api/v1/plans/" + to.getYear())
                .then().statusCode(200).extract().jsonPath().getMap("targets");
        // The page words its cards from the server's `subject` and `needed` only: those must be what this test computes.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map<String, Object> v : served(from, to, unit)) {
                String id = (String) v.get("id");
                Expected.Pair pair = expected.get(id);
                BigDecimal target = targets.get(id) == null ? null : new BigDecimal(targets.get(id).toString());
                assertThat(((Number) v.get("numerator")).longValue()).as(id).isEqualTo(pair.numerator());
                assertThat(v.get("needed") == null ? null : ((Number) v.get("needed")).longValue()).as("needed of " + id)
                        .isEqualTo(needed(pair, target));
                assertThat(SUBJECT_WORDS.get((String) v.get("subject"))).as("subject of " + id).isEqualTo(WORDS.getOrDefault(id, DOSSIERS));
            }
        });
        for (Map.Entry<String, Expected.Pair> e : expected.entrySet()) {
            String id = e.getKey();
            Expected.Pair pair = e.getValue();
            BigDecimal target = targets.get(id) == null ? null : new BigDecimal(targets.get(id).toString());
            List<String> want = card(id, pair, target, vietnamese);
            waitFor(() -> {
                WebElement card = card(id);
                return card != null && want.equals(cardText(card));
            }, () -> id + " over " + from + ".." + to + " in " + unit + ": expected " + want + " but the card says "
                    + (card(id) == null ? "nothing" : cardText(card(id))));
        }
    }

    private static List<String> card(String id, Expected.Pair pair, BigDecimal target, boolean vi) {
        DecimalFormatSymbols symbols = vi ? VI : EN;
        BigDecimal value = value(pair);
        String[] words = WORDS.getOrDefault(id, DOSSIERS);
        String standing;
        if (target == null) {
            standing = vi ? "Không có mục tiêu" : "No target";
        } else if (value == null) {
            standing = vi ? "Chưa có số liệu" : "No data yet";
        } else if (value.compareTo(target) >= 0) {
            standing = vi ? "Đạt" : "Met";
        } else if (value.compareTo(target.multiply(new BigDecimal("0.9"))) >= 0) {
            standing = vi ? "Gần đạt" : "Close";
        } else {
            standing = vi ? "Chưa đạt" : "Behind";
        }
        String counts = pair.denominator() == null
                ? whole(pair.numerator(), symbols) + " " + word(words, pair.numerator(), vi) + " — "
                        + (vi ? "chưa có mẫu số" : "no denominator")
                : whole(pair.numerator(), symbols) + " / " + whole(pair.denominator(), symbols) + " " + word(words, pair.denominator(), vi);
        String needed = "";
        Long more = needed(pair, target);
        if (more != null) {
            long k = more;
            needed = k == 0 ? (vi ? "Đã đạt mục tiêu" : "Target met")
                    : vi ? "Cần thêm " + whole(k, symbols) + " " + word(words, k, true) + " để đạt mục tiêu"
                            : whole(k, symbols) + " more " + word(words, k, false) + " needed to meet the target";
        }
        String targetText = target == null ? (vi ? "Không có mục tiêu" : "No target")
                : (vi ? "Mục tiêu: " : "Target: ") + percent(target, symbols);
        return List.of(value == null ? "—" : percent(value, symbols), targetText, standing, counts, needed);
    }

    /** The smallest number of the denominator's items that, counted in the numerator too, meet the target; null without either. */
    private static Long needed(Expected.Pair pair, BigDecimal target) {
        if (target == null || pair.denominator() == null || pair.denominator() == 0) {
            return null;
        }
        long k = 0;
        while (new BigDecimal(pair.numerator() + k).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(pair.denominator()), 2, RoundingMode.HALF_UP).compareTo(target) < 0) {
            k++;
        }
        return k;
    }

    /** The indicators as the server serves them over a scope (unit null: every unit). */
    private static List<Map<String, Object>> served(LocalDate from, LocalDate to, String unit) {
        var request = given().auth().oauth2(READER).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (unit != null) {
            request = request.queryParam("unit", unit);
        }
        return request.get("/api/v1/indicators").then().statusCode(200).extract().jsonPath().getList("indicators");
    }

    private static String word(String[] words, long n, boolean vi) {
        return vi ? words[0] : n == 1 ? words[1] : words[2];
    }

    private static List<String> cardText(WebElement card) {
        List<WebElement> needed = card.findElements(By.className("needed"));
        return List.of(card.findElement(By.className("value")).getText(), card.findElement(By.className("target")).getText(),
                card.findElement(By.className("state")).getText(), card.findElement(By.className("counts")).getText(),
                needed.isEmpty() ? "" : needed.get(0).getText());
    }

    private static Expected.Pair expected(LocalDate from, LocalDate to, String unit, String id) {
        return Expected.indicators(Published.LEDGER, from, to, unit).get(id);
    }

    private static BigDecimal value(Expected.Pair pair) {
        if (pair.denominator() == null || pair.denominator() == 0) {
            return null;
        }
        return BigDecimal.valueOf(pair.numerator()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(pair.denominator()), 2, RoundingMode.HALF_UP);
    }

    private static String percent(Expected.Pair pair, DecimalFormatSymbols symbols) {
        BigDecimal value = value(pair);
        return value == null ? "—" : percent(value, symbols);
    }

    private static String percent(BigDecimal value, DecimalFormatSymbols symbols) {
        return new DecimalFormat("#,##0.##", symbols).format(value) + "%";
    }

    private static String whole(long n, DecimalFormatSymbols symbols) {
        return new DecimalFormat("#,##0", symbols).format(n);
    }

    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    // --- the browser ---

    /** How many indicators the server serves: a card each. */
    private static int servedCount() {
        return given().auth().oauth2(READER).get("/api/v1/indicators").then().statusCode(200).extract().jsonPath()
                .getList("indicators").size();
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#cards > li"));
    }

    private static WebElement card(String id) {
        List<WebElement> found = browser.findElements(By.cssSelector("#cards > li[data-indicator='" + id + "']"));
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    private static List<String> codes() {
        return rows("drill").stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void choose(String select, String value) {
        // A list the page fills again (the indicators after a unit is chosen) is found afresh until the choice holds.
        again(() -> {
            new Select(browser.findElement(By.id(select))).selectByValue(value);
            return null;
        });
    }

    private static void setDate(String id, String iso) {
        // A date input takes typing in the browser's locale: set its value as a script would, then say so.
        browser.executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('change'));", id, iso);
    }

    private static Path downloaded(String name) {
        Path file = downloads.resolve(name);
        waitFor(() -> {
            try {
                return Files.exists(file) && Files.size(file) > 0 && noPartial();
            } catch (java.io.IOException e) {
                return false;
            }
        }, () -> name + " in " + downloads + "; the page says '" + text("report-state") + "'");
        return file;
    }

    private static boolean noPartial() throws java.io.IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(f -> f.toString().endsWith(".crdownload"));
        }
    }

    private static String browserLog() {
        try {
            return browser.manage().logs().get("browser").getAll().toString();
        } catch (RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        waitFor(condition, () -> "the condition");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        try {
            wait.until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("In the browser, after 30 s: " + what.get() + "\nBrowser log: " + browserLog(), e);
        }
    }
}
