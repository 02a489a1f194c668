package io.vigie.load.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code IntakeLoadDriver serve} as a script or a background job runs it, for wrk: a child JVM whose standard input is
 * closed from the start. It must keep serving until it is stopped, by a SIGTERM (what {@code kill} and, for the JVM,
 * Ctrl-C send) or by its stop file, and then close everything it started.
 */
class IntakeLoadDriverServeIT {

    private static final Pattern PORTS = Pattern.compile("ports: INTAKE_PORT=(\\d+) BARE_PORT=(\\d+)");

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process driver;

    @AfterEach
    void killWhatIsLeft() {
        if (driver != null && driver.isAlive()) {
            driver.destroyForcibly();
        }
    }

    @Test
    void shouldServeWithStdinClosedUntilSigtermThenCloseEverything() throws Exception {
        Ports ports = serve();

        // Its standard input is at its end, as under a script: the old driver stopped at once.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> status("http://127.0.0.1:" + ports.bare() + "/noop") == 202);
        assertThat(postAlert(ports.intake())).isEqualTo(202);

        driver.destroy(); // SIGTERM

        assertThat(driver.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s; log:%n%s", log()).isTrue();
        assertThat(log()).contains("stopping: signal",
                "stopped: intake, the bare endpoint, the registry and the broker are closed");
        assertPortsClosed(ports);
    }

    @Test
    void shouldStopWhenItsStopFileAppears() throws Exception {
        Path stopFile = directory.resolve("stop-intake-load");
        Ports ports = serve("--stop-file=" + stopFile);
        assertThat(status("http://127.0.0.1:" + ports.bare() + "/noop")).isEqualTo(202);

        Files.createFile(stopFile);

        assertThat(driver.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s; log:%n%s", log()).isTrue();
        assertThat(driver.exitValue()).as(log()).isZero();
        assertThat(log()).contains("stopping: stop file " + stopFile + " found",
                "stopped: intake, the bare endpoint, the registry and the broker are closed");
        assertPortsClosed(ports);
    }

    /** Starts {@code serve} with its standard input closed; waits until it prints its ports. */
    private Ports serve(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Djava.io.tmpdir=" + directory, "-cp", System.getProperty("java.class.path"),
                IntakeLoadDriver.class.getName(), "serve"));
        command.addAll(List.of(options));
        driver = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("driver.log").toFile()).start();
        driver.getOutputStream().close();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> !driver.isAlive() || PORTS.matcher(log()).find());
        Matcher ports = PORTS.matcher(log());
        assertThat(ports.find()).as("the driver's ports; log:%n%s", log()).isTrue();
        return new Ports(Integer.parseInt(ports.group(1)), Integer.parseInt(ports.group(2)));
    }

    private record Ports(int intake, int bare) {
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int postAlert(int intakePort) throws IOException, InterruptedException {
        String alert = """
                {"reference": "SERVE-IT-1", "title": "Serve test alert", "severity": "low", "asset": "serve-it.example"}
                """;
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intakePort + "/api/v1/alerts"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Vigie-Source", "bench").header("Authorization", "Bearer " + IntakeLoadDriver.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void assertPortsClosed(Ports ports) {
        for (int port : List.of(ports.intake(), ports.bare())) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.discarding())).as("port %d", port)
                    .isInstanceOf(ConnectException.class);
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("driver.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
