package vn.edu.haiphong.dvc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
     * Catalogue indicators count every procedure of the shared system, not only this department's: they are
     * left out of the comparison, and this department's procedures are sent neither eligible for nor provided
     * as fully-online services, so that they do not move them for the other tests of the shared system.
     */
    private static final Set<String> CATALOGUE = Set.of("procedures-fully-online", "fully-online-on-national-portal");

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

        browser.get(stack.url("indicator-service") + "/?token=" + stack.readerToken);
        waitFor(() -> browser.findElements(By.cssSelector("#cards > li")).size() == 18);
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
}
