package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.testing.Chromium;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2 (issue 20): the public page and the widget in a real browser, with no sign-in: the page shows the department's
 * figures as the independent counts give them; a school's website on another origin embeds the widget with one
 * {@code <script>} tag, and the widget renders under its Content-Security-Policy with nothing refused.
 */
@QuarkusTest
class PublicPageBrowserTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    private static final String WATCH = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    @TestHTTPResource("/")
    URL service;

    private static ChromeDriver browser;
    private static HttpServer school;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        browser = Chromium.start(Files.createTempDirectory("dvc-downloads-"));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (school != null) {
            school.stop(0);
        }
    }

    @Test
    void thePublicPageAndASchoolsEmbeddedWidgetShowTheFiguresWithNoSignIn() throws Exception {
        DataSet data = new DataSet(20_240_402L, "PW", 150);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root));
        String origin = service.toString().replaceAll("/$", "");

        // The public page: the department's row, each figure the independent count's value.
        browser.get(origin + "/public/index.html?year=2024");
        WebElement row = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("tr[data-unit='" + data.root + "']")), e -> e != null);
        Map<String, Expected.Pair> department = Expected.indicators(Published.LEDGER, FROM, TO, data.root);
        Expected.Pair online = department.get("online-submission");
        String cell = row.findElement(By.cssSelector("td[data-indicator='online-submission']")).getText();
        assertThat(cell).startsWith(percent(online) + "%");
        // A dossier look-up, dossier-service's public progress answered here by a stand-in (it does not run in this module).
        browser.executeScript("""
                const real = window.fetch;
                window.fetch = (url, init) => String(url).includes('/api/v1/public/dossiers/')
                    ? Promise.resolve(new Response(JSON.stringify({ dossierCode: 'PW-HS-1', procedure: { code: 'P', name: 'Cấp bản sao văn bằng' },
                        unit: { code: 'U', name: 'Trường THPT Ngô Quyền' }, stage: 'PROCESSING', stageName: { vi: 'Đang xử lý', en: 'Being processed' },
                        submittedAt: '2024-03-04T08:15:00+07:00', dueAt: '2024-03-11T17:00:00+07:00', resultIssuedAt: null, onTime: null }),
                        { status: 200, headers: { 'Content-Type': 'application/json' } }))
                    : real(url, init);
                """);
        browser.findElement(By.id("code")).sendKeys("PW-HS-1");
        browser.findElement(By.cssSelector("#lookup button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("progress")).isDisplayed());
        assertThat(browser.findElement(By.id("progress")).getText()).contains("Đang xử lý").contains("Cấp bản sao văn bằng");
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the public page's policy").isEmpty();
        Chromium.screenshot(browser, "12-public-page", 1366);

        // A school's own website, on another origin, with one <script> tag.
        String schoolCode = data.reference.stream().filter(r -> r instanceof UnitRecord u && u.parentCode() != null
                && data.districts.contains(u.parentCode())).map(r -> ((UnitRecord) r).code()).findFirst().orElseThrow();
        String host = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trường</title></head><body>"
                + "<h1>Trường THPT của chúng tôi</h1><script src=\"" + origin + "/public/widget.js\" data-unit=\"" + schoolCode
                + "\" data-year=\"2024\" async></script></body></html>";
        school = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        school.createContext("/", exchange -> {
            byte[] body = host.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        school.start();
        browser.get("http://localhost:" + school.getAddress().getPort() + "/");
        WebElement frame = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("iframe")), e -> e != null);
        assertThat(frame.getAttribute("src")).startsWith(origin + "/public/widget.html?unit=" + schoolCode);
        browser.switchTo().frame(frame);
        try {
            WebElement figure = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector(".figure[data-indicator='online-submission'] .value")), e -> e != null);
            Expected.Pair mine = Expected.indicators(Published.LEDGER, FROM, TO, schoolCode).get("online-submission");
            assertThat(figure.getText()).startsWith(mine.denominator() == 0 ? "—" : percent(mine) + "%");
            assertThat(browser.findElement(By.cssSelector(".freshness")).getText()).contains("Cập nhật");
            assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the widget's policy").isEmpty();
        } finally {
            browser.switchTo().defaultContent();
        }
        Chromium.screenshot(browser, "13-widget-on-a-school-site", 800);
    }

    @Test
    void theDashboardShowsTheAlertsAndTheProjectionsOfItsScopeUnderItsPolicy() throws Exception {
        String origin = service.toString().replaceAll("/$", "");
        browser.get(origin + "/#token=" + vn.edu.haiphong.dvc.testing.TestTokens.reader());
        WebElement table = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#projections tbody")), e -> !e.findElements(By.tagName("tr")).isEmpty());
        // The rows are the server's projections of the page's default scope (this year to today, every unit).
        List<String> served = io.restassured.RestAssured.given().auth().oauth2(vn.edu.haiphong.dvc.testing.TestTokens.reader())
                .get("/api/v1/projections").then().statusCode(200).extract().jsonPath().getList("projections.id", String.class);
        List<String> shown = table.findElements(By.tagName("tr")).stream().map(r -> r.getAttribute("data-indicator")).toList();
        assertThat(shown).isEqualTo(served);
        assertThat(browser.findElement(By.id("projection-rule")).getText()).contains("Dự báo, không phải số liệu chính thức");
        assertThat(browser.findElements(By.cssSelector("#alerts li"))).isNotEmpty();
        assertThat((List<?>) browser.executeScript("return window.cspViolations")).as("refused by the dashboard's policy").isEmpty();
        browser.findElement(By.id("watch")).getLocation();
        Chromium.screenshot(browser, "14-alerts-and-projections", 1366);
    }

    /** The served value of a pair as the page prints it: rounded half-up to 2 decimals, as JavaScript writes a number (50, 33.33). */
    private static String percent(Expected.Pair pair) {
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(pair.numerator()).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(pair.denominator()), 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return value.toPlainString();
    }
}
