package io.vigie.test;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through chromedriver, as the page tests use it: a throwaway profile, no network of
 * its own (no updates, no sync), screenshots under {@code target/screenshots/}. Missing binaries fail the test with the
 * command that installs them: a browser test that skips itself proves nothing.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final WebDriver browser;

    private Chromium(Path profile, WebDriver browser) {
        this.profile = profile;
        this.browser = browser;
    }

    /** A new browser with a window of {@code width} × {@code height} pixels. */
    public static Chromium start(int width, int height) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Debian's headless Chromium is needed: apt-get install -y chromium "
                    + "chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("vigie-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            Files.createDirectories(SCREENSHOTS);
            return new Chromium(profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Chromium's profile", e);
        }
    }

    public WebDriver driver() {
        return browser;
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
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove Chromium's profile " + profile, e);
        }
    }
}
