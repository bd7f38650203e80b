package vn.edu.haiphong.dvc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.infra.ProcessStack;
import vn.edu.haiphong.dvc.testing.Chromium;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;
import vn.edu.haiphong.dvc.testing.data.Ledger;

/**
 * The dashboard of the packaged indicator-service, in headless Chromium, fed the way production feeds it:
 * reference data and events POSTed to dossier-service and payment-service, relayed through Kafka. The cards
 * of a department must show the independently computed numbers, and a dossier POSTed while the page is open
 * must show on it without a reload.
 */
class DashboardE2ETest {

    /**
     * Catalogue indicators (and 18's denominator, every fee-bearing procedure) count every procedure of the shared
     * system, not only this department's: they are left out of the comparison (FaultToleranceTest reads them from
     * dossier-service's catalogue), and this department's procedures are sent neither eligible for nor provided
     * as fully-online services, so that they do not move them for the other tests of the shared system.
     */
    private static final Set<String> CATALOGUE = Set.of("procedures-fully-online", "fully-online-on-national-portal",
            "fee-procedures-with-dossiers");

    private static ProcessStack stack;
    private static ChromeDriver browser;
    private static Driver driver;
    private static final Ledger LEDGER = new Ledger();
    /** A department of its own on each run: the system's data under target/e2e outlives a run. */
    private static final String PREFIX = "E2EW" + Long.toString(System.currentTimeMillis() / 1_000 % 100_000_000, 36).toUpperCase();
    private static final DataSet DATA = new DataSet(8_008L, PREFIX, 300);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystemAndTheBrowser() throws Exception {
        stack = SharedStack.get();
        driver = new Driver(stack, LEDGER, 8_008L);
        driver.reference(DATA.reference.stream().map(r -> r instanceof ProcedureRecord p
                ? new ProcedureRecord(p.code(), p.name(), p.field(), false, false, false, p.feeBearing()) : r).toList());
        driver.events(DATA.events);
        browser = Chromium.start(Files.createTempDirectory("dvc-e2e-downloads-"));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCardsShowTheDepartmentAndADossierPostedNowArrivesLive() throws Exception {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> served(from, to, DATA.root).equals(expected(from, to, DATA.root)));

        browser.get(stack.url("indicator-service") + "/#token=" + stack.readerToken);
        waitFor(() -> browser.findElements(By.cssSelector("#cards > li")).size() == 23);
        choose("year", "2024");
        choose("unit", DATA.root);
        assertCounts(from, to);

        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        choose("year", String.valueOf(today.getYear()));
        assertCounts(today.withDayOfYear(1), today);
        browser.executeScript("window.notReloaded = true");
        long before = expected(today.withDayOfYear(1), today, DATA.root).get("online-submission").denominator();

        driver.events(List.of(new DossierEvent(PREFIX + "-live-1", DossierEventType.SUBMITTED, OffsetDateTime.now(ZoneOffset.ofHours(7)),
                PREFIX + "-LIVE-1", PREFIX + "-P1", DATA.schools.get(0), Channel.ONLINE, true,
                new Applicant(ApplicantKind.CITIZEN, "079201000001", true, true), null, null, null)));
        assertThat(expected(today.withDayOfYear(1), today, DATA.root).get("online-submission").denominator()).isEqualTo(before + 1);
        assertCounts(today.withDayOfYear(1), today);
        assertThat(browser.executeScript("return window.notReloaded")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.findElement(By.id("stream-state")).getText()).isEqualTo("Trực tiếp: đang nhận cập nhật");
    }

    /**
     * A school's own account, the whole way: its unit-reporter token opens the dashboard on its weeks, its form posts a
     * broadcast of last week to dossier-service (across origins, with the token), the broadcast shows in its list (read
     * back from dossier-service) and, once relayed through Kafka to indicator-service, its week turns aired; a report
     * for another school is refused with 403, said on the page, and nothing of it is stored.
     */
    @Test
    void aSchoolReportsABroadcastWithTheFormAndSeesItListedAndItsWeekAired() throws Exception {
        String root = PREFIX + "-TT";
        String school = PREFIX + "-TA";
        String other = PREFIX + "-TB";
        driver.reference(List.of(new UnitRecord(root, "Sở Truyền thanh " + PREFIX, UnitType.DEPARTMENT, null, null, false),
                new UnitRecord(school, "Trường THCS Ánh Dương " + PREFIX, UnitType.SCHOOL, root, null, true),
                new UnitRecord(other, "Trường THCS Bình Minh " + PREFIX, UnitType.SCHOOL, root, null, true)));
        // The latest whole week of one year before this one: a week the server lists as over.
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        while (monday.getYear() != monday.plusDays(6).getYear()) {
            monday = monday.minusWeeks(1);
        }
        LocalDate week = monday;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(stack.url("indicator-service") + "/api/v1/outreach/weeks?unit=" + school, stack.readerToken)
                        .statusCode() == 200);
        String title = "Bản tin an toàn giao thông " + PREFIX;

        SharedStack.withSchoolAccounts(accounts -> {
            browser.get(stack.url("indicator-service") + "/#token=" + accounts.unitReporter(school));
            waitFor(() -> browser.findElement(By.id("school")).isDisplayed());
            assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("school-name")).getText()).isEqualTo("Trường THCS Ánh Dương " + PREFIX + " (" + school + ")");
            choose("school-year", String.valueOf(week.getYear()));
            waitFor(() -> "missed".equals(weekState(week)));

            browser.findElement(By.id("school-item")).sendKeys(title);
            browser.findElement(By.id("school-duration")).sendKeys("3");
            browser.executeScript("document.getElementById('school-time').value = arguments[0]", week.plusDays(2) + "T08:00");
            browser.findElement(By.id("school-send")).click();
            waitFor(() -> browser.findElement(By.id("school-result")).getText().equals("Đã ghi nhận: “" + title + "”."),
                    () -> "the report accepted; the page says '" + browser.findElement(By.id("school-form-error")).getText() + "'");
            String shown = "08:00 " + week.plusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            waitFor(() -> reported().equals(List.of(List.of(shown, "Phát thanh", title, "Thời lượng 3 phút", school))));
            // Relayed to indicator-service: the week is aired now, without a reload.
            browser.executeScript("window.notReloaded = true");
            waitFor(() -> "aired".equals(weekState(week)));
            assertThat(browser.findElement(By.cssSelector("#school-weeks li[data-monday='" + week + "'] .said")).getText())
                    .isEqualTo("Đã phát 1 lần");
            assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);

            browser.findElement(By.id("school-unit")).clear();
            browser.findElement(By.id("school-unit")).sendKeys(other);
            browser.findElement(By.id("school-item")).sendKeys("Bản tin của trường khác");
            browser.findElement(By.id("school-duration")).sendKeys("3");
            browser.findElement(By.id("school-send")).click();
            waitFor(() -> browser.findElement(By.id("school-form-error")).getText()
                    .startsWith("Bị từ chối (403): tài khoản này không được báo cáo cho đơn vị " + other + "."));
            assertThat(reported()).hasSize(1);
        });

        // Stored and counted once for the school, nothing for the other one.
        JsonNode weeks = json.readTree(get(stack.url("indicator-service") + "/api/v1/outreach/weeks?unit=" + school + "&from="
                + week + "&to=" + week.plusDays(6), stack.readerToken).body());
        assertThat(weeks.get("weeks").get(0).get("broadcasts").asLong()).isEqualTo(1);
        JsonNode listed = json.readTree(get(stack.url("dossier-service") + "/api/v1/outreach-events?unit=" + other + "&from="
                + week.getYear() + "-01-01", stack.adminToken).body());
        assertThat(listed.get("total").asLong()).isZero();
    }

    private static String weekState(LocalDate monday) {
        List<WebElement> found = browser.findElements(By.cssSelector("#school-weeks li[data-monday='" + monday + "']"));
        return found.isEmpty() ? null : found.get(0).getAttribute("data-state");
    }

    /** The school's list of what it reported, as the page shows it (the "nothing yet" row aside). */
    private static List<List<String>> reported() {
        return browser.findElements(By.cssSelector("#school-events tbody tr[data-event]")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Each card's numerator and denominator as the page shows them, against the independent computation. */
    private void assertCounts(LocalDate from, LocalDate to) {
        Map<String, Expected.Pair> expected = expected(from, to, DATA.root);
        waitFor(() -> {
            Map<String, Expected.Pair> shown = new LinkedHashMap<>();
            for (WebElement card : browser.findElements(By.cssSelector("#cards > li"))) {
                String id = card.getAttribute("data-indicator");
                if (!CATALOGUE.contains(id)) {
                    shown.put(id, pair(card.findElement(By.className("counts")).getText()));
                }
            }
            return shown.equals(expected);
        });
    }

    /** "1.234 / 5.678 hồ sơ" or "12 người — chưa có mẫu số". */
    private static Expected.Pair pair(String counts) {
        String[] words = counts.replace(".", "").split(" ");
        return new Expected.Pair(Long.parseLong(words[0]), words[1].equals("/") ? Long.valueOf(words[2]) : null);
    }

    /** The independent computation, but the catalogue indicators. */
    private static Map<String, Expected.Pair> expected(LocalDate from, LocalDate to, String unit) {
        Map<String, Expected.Pair> expected = new LinkedHashMap<>(Expected.indicators(LEDGER, from, to, unit));
        expected.keySet().removeAll(CATALOGUE);
        return expected;
    }

    /** The indicators indicator-service serves, but the catalogue ones. */
    private Map<String, Expected.Pair> served(LocalDate from, LocalDate to, String unit) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url("indicator-service")
                + "/api/v1/indicators?from=" + from + "&to=" + to + "&unit=" + unit))
                .header("Authorization", "Bearer " + stack.readerToken).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Expected.Pair> served = new LinkedHashMap<>();
        for (JsonNode i : json.readTree(response.body()).get("indicators")) {
            if (!CATALOGUE.contains(i.get("id").asText())) {
                served.put(i.get("id").asText(), new Expected.Pair(i.get("numerator").asLong(),
                        i.get("denominator").isNull() ? null : i.get("denominator").asLong()));
            }
        }
        return served;
    }

    private static void choose(String select, String value) {
        new Select(browser.findElement(By.id(select))).selectByValue(value);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
        try {
            waitFor(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("In the browser, after 60 s: " + what.get(), e);
        }
    }
}
