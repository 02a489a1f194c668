package io.vigie.load.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The load driver's HTTP side against a local server: what it records is what a SIEM would have seen. */
class WebhookLoadTest {

    private HttpServer server;
    private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    /** Null: answer at once; otherwise each request waits for a permit. */
    private volatile Semaphore held;

    @BeforeEach
    void startIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/accept", exchange -> answer(exchange, 202, "{\"published\": 1}"));
        server.createContext("/refuse", exchange -> answer(exchange, 503, "{\"reason\": \"broker_unavailable\"}"));
        server.start();
    }

    @AfterEach
    void stopIntake() {
        server.stop(0);
    }

    @Test
    void shouldRecordEveryAnswerWithItsStatusAndPublishedCountOverKeptConnections() throws Exception {
        WebhookLoad load = new WebhookLoad(2);

        RequestLog accepted = load.fixedRate("test", 20, 200, 2, i -> outgoing("/accept", i));
        RequestLog refused = load.fixedRate("test", 3, 200, 2, i -> outgoing("/refuse", i));

        assertThat(accepted.size()).isEqualTo(20);
        assertThat(accepted.statusCounts()).containsExactly(Map.entry(202, 20));
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.published(i)).isEqualTo(1);
        }
        assertThat(refused.statusCounts()).containsExactly(Map.entry(503, 3));
        assertThat(refused.published(0)).isZero();
        // Two connections, kept alive across both phases: the server saw at most two client ports.
        assertThat(clients).hasSizeLessThanOrEqualTo(2);
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void shouldCountTheWaitForAFreeConnectionInTheLatencyOfTheRequestsDueMeanwhile() throws Exception {
        WebhookLoad load = new WebhookLoad(1);
        // given intake holds each request until the test lets it go, one after the other
        held = new Semaphore(0);
        long[] releasedMicros = new long[3];
        Thread releaser = new Thread(() -> {
            for (int k = 0; k < 3; k++) {
                int arrived = k + 1;
                await().atMost(10, TimeUnit.SECONDS).until(() -> received.get() == arrived);
                releasedMicros[k] = WebhookLoad.epochMicros();
                held.release();
            }
        });
        releaser.start();

        // when three requests are all due at once on one connection
        RequestLog log = load.fixedRate("test", 3, 1_000_000, 1, i -> outgoing("/accept", i));
        releaser.join();

        // then only one was ever in flight, and the last one's latency counts from its due time, so it holds the wait
        // behind the two before it (from its send it would be about one round trip)
        assertThat(log.size()).isEqualTo(3);
        assertThat(mostInFlight.get()).isEqualTo(1);
        int last = indexOfIncident(log, 2);
        long waitedMicros = releasedMicros[2] - log.dueMicros(last);
        assertThat(releasedMicros[2] - releasedMicros[0]).isPositive();
        assertThat(log.latencyNanos(last) / 1_000).isGreaterThanOrEqualTo(waitedMicros - 1_000);
    }

    @Test
    void shouldRecordARequestThatGotNoAnswerAsStatusZeroWithItsCause() throws Exception {
        WebhookLoad load = new WebhookLoad(1);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        RequestLog log = load.fixedRate("test", 2, 100, 1, i -> outgoing(closedPort, "/accept", i));

        assertThat(log.statusCounts()).containsExactly(Map.entry(0, 2));
        assertThat(log.failures()).hasSize(1).hasEntrySatisfying(log.failures().keySet().iterator().next(),
                count -> assertThat(count).isEqualTo(2));
    }

    private static int indexOfIncident(RequestLog log, int incident) {
        for (int i = 0; i < log.size(); i++) {
            if (log.incident(i) == incident) {
                return i;
            }
        }
        throw new AssertionError("No request for incident " + incident);
    }

    private WebhookLoad.Outgoing outgoing(String path, int i) {
        return outgoing(server.getAddress().getPort(), path, i);
    }

    private static WebhookLoad.Outgoing outgoing(int port, String path, int i) {
        try {
            URL url = URI.create("http://127.0.0.1:" + port + path).toURL();
            byte[] body = ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
            return new WebhookLoad.Outgoing(url, Map.of("Content-Type", "application/json"), body, 1, i);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        clients.add(exchange.getRemoteAddress());
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        received.incrementAndGet();
        try {
            exchange.getRequestBody().readAllBytes();
            Semaphore permits = held;
            if (permits != null && !permits.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IOException("The test never let the request go");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }
}
