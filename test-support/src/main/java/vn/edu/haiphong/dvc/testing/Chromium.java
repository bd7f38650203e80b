package vn.edu.haiphong.dvc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's headless Chromium driven by its chromedriver (Debian's chromium and chromium-driver,
 * which .ci/run installs). Nothing is downloaded: a missing browser fails the test, it does not skip it.
 * A module that uses this declares org.seleniumhq.selenium:selenium-chrome-driver itself (optional here).
 */
public final class Chromium {

    public static final Path BROWSER = Path.of(System.getProperty("dvc.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("dvc.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots go; README's pictures are copies from here (docs/screenshots). */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("dvc.screenshots", "target/screenshots"));

    private Chromium() {
    }

    public static ChromeDriver start(Path downloads) throws IOException {
        assertThat(BROWSER).as("The browser tests need Chromium at %s and its driver at %s: apt-get install -y chromium "
                + "chromium-driver (.ci/run installs them)", BROWSER, DRIVER).isExecutable();
        assertThat(DRIVER).as("The browser tests need chromedriver at %s: apt-get install -y chromium-driver", DRIVER).isExecutable();
        Path profile = Files.createTempDirectory("dvc-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
                // As root on a closed network: no sandbox, and nothing that phones home.
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--lang=vi-VN", "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false, "intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Headless Chromium keeps downloads to itself unless told where to put them.
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        driver.manage().window().setSize(new Dimension(1366, 900));
        return driver;
    }

    /**
     * One part of the page (the element of that id) at this width: for a part far down a long page, which the whole
     * page's picture (at most 6,000 pixels high) would leave out.
     */
    public static void screenshot(ChromeDriver driver, String name, int width, String elementId) throws IOException {
        Dimension before = driver.manage().window().getSize();
        org.openqa.selenium.WebElement element = driver.findElement(org.openqa.selenium.By.id(elementId));
        Number height = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().height", element);
        driver.manage().window().setSize(new Dimension(width, Math.min(6000, height.intValue() + 240)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(before);
    }

    /** The whole page at this width (the window grows to the page's height for the picture). */
    public static void screenshot(ChromeDriver driver, String name, int width) throws IOException {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, Math.min(6000, height.intValue() + 140)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(before);
    }
}
