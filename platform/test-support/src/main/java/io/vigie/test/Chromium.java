package io.vigie.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through chromedriver, as the page tests use it: a throwaway profile, no network of
 * its own (no updates, no sync), screenshots under {@code target/screenshots/}. Missing binaries fail the test with the
 * command that installs them: a browser test that skips itself proves nothing.
 *
 * <p>A test class holds one for all its tests, started before the first and closed after the last:
 * {@code @RegisterExtension static final Chromium chromium = Chromium.window(1440, 1000);}
 */
public final class Chromium implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int width;
    private final int height;
    private Path profile;
    private WebDriver browser;

    private Chromium(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A browser with a window of {@code width} × {@code height} pixels, started by JUnit before a class's tests. */
    public static Chromium window(int width, int height) {
        return new Chromium(width, height);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            close();
        }
    }

    private void start() {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Debian's headless Chromium is needed: apt-get install -y chromium "
                    + "chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("vigie-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            Files.createDirectories(SCREENSHOTS);
            browser = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Chromium's profile", e);
        }
    }

    public WebDriver driver() {
        return browser;
    }

    /**
     * Opens {@code page}, which sends a visitor to the service's login form, and logs in there as one of the
     * {@link TestUsers}: user name, password, the form's submit button.
     */
    public void logIn(String page, String user) {
        browser.get(page);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.password(user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The page as it looks now, saved as {@code target/screenshots/<name>}. */
    public void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        browser.quit();
        browser = null;
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove Chromium's profile " + profile, e);
        }
    }
}
