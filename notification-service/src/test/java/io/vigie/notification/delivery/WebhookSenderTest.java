package io.vigie.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import io.vigie.notification.incident.Category;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.template.RenderedNotice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSenderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private HttpServer server;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private WebhookSender sender;

    @BeforeEach
    void startTicketingSystem() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            received.put("signature", exchange.getRequestHeaders().getFirst("X-Vigie-Signature"));
            received.put("key", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/internal");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/internal", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        // The guard lets 127.0.0.1 through here, to reach a local server; WebhookGuardTest covers the refusals.
        WebhookGuard permissive = new WebhookGuard(List.of("127.0.0.1"),
                host -> new InetAddress[]{InetAddress.getByName("93.184.216.34")}) {
            @Override
            Optional<String> refusal(URI target) {
                return Optional.empty();
            }
        };
        sender = new WebhookSender(permissive, new WebhookProperties(List.of("127.0.0.1"), Duration.ofSeconds(5), false),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldPostTheNoticeSignedWithTheClientsSecretAndKeyedByTheNotice() throws Exception {
        Outgoing message = message("/ok");

        sender.send(message);

        String body = received.get("body");
        assertThat(body).contains("\"noticeId\":\"" + message.notice().id() + "\"", "\"stage\":\"INITIAL\"",
                "\"subject\":\"Security notification\"", "\"acknowledgeUrl\":\"https://vigie.example/ack?t=x\"");
        assertThat(received.get("key")).isEqualTo(message.notice().id().toString());
        assertThat(received.get("signature")).isEqualTo("t=" + NOW.getEpochSecond() + ",v1="
                + WebhookSender.signature("client-secret-0123456789", NOW.getEpochSecond() + "." + body));
    }

    @Test
    void shouldNeverFollowARedirect() {
        assertThatThrownBy(() -> sender.send(message("/redirect")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("redirect");
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void shouldRetryAServerError() {
        assertThatThrownBy(() -> sender.send(message("/down")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse())
                .hasMessageContaining("503");
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private Outgoing message(String path) {
        NoticeContent content = NoticeContent.of(new NoticeContent.Facts(Category.MALWARE, Severity.HIGH, null,
                List.of(), List.of(), false, List.of(), null));
        Notice notice = new Notice(UUID.randomUUID(), UUID.randomUUID(), "acme", Stage.INITIAL, 1, false, content,
                NOW);
        return new Outgoing(UUID.randomUUID(), notice, "ticketing", "http://127.0.0.1:" + port() + path,
                new RenderedNotice("INITIAL/DEFAULT/en", "Security notification", "text", "<p>html</p>"),
                "https://vigie.example/ack?t=x", "client-secret-0123456789");
    }
}
