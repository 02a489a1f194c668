package io.vigie.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxPageTest {

    private GreenMail smtp;
    private MailboxPage page;
    private final HttpClient http = HttpClient.newHttpClient();
    private List<MailboxPage.TextMessage> texts = List.of();

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        page = MailboxPage.start(smtp, () -> texts, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        page.close();
        smtp.stop();
    }

    @Test
    void shouldListTheEmailsNewestFirst() throws Exception {
        send("Notification de sécurité – Alerte compte verrouillé", "first", "<p>first</p>");
        send("Security notice – DDoS", "second", "<p>second</p>");

        HttpResponse<String> list = get("/");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Vigie mailbox (2)")
                .contains("Notification de sécurité – Alerte compte verrouillé");
        assertThat(list.body().indexOf("Security notice – DDoS"))
                .isLessThan(list.body().indexOf("Alerte compte verrouillé"));
        assertThat(list.body()).contains("href=\"/messages/2\">Security notice");
    }

    @Test
    void shouldShowBothPartsAndKeepHostileHtmlInert() throws Exception {
        send("Alert <img src=x onerror=alert(1)>", "Plain text & <b>no markup</b>",
                "<p>Hello</p><script>alert('x')</script>");

        HttpResponse<String> message = get("/messages/1");

        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body())
                .contains("Alert &lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x")
                .contains("<iframe sandbox ")
                .contains("srcdoc=\"&lt;p&gt;Hello&lt;/p&gt;&lt;script&gt;")
                .doesNotContain("<script>")
                .contains("<pre>Plain text &amp; &lt;b&gt;no markup&lt;/b&gt;</pre>");
        assertThat(message.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("default-src 'none'"));
    }

    @Test
    void shouldListTextMessagesAndTakeEachTicketOnceShowingHostileContentAsText() throws Exception {
        texts = List.of(new MailboxPage.TextMessage(Instant.parse("2026-12-06T08:00:00Z"), "+44 20 7946 0188",
                "Security incident <b>1A2B3C4D</b>", false));
        String ticket = "{\"subject\": \"Sicherheitsvorfall 1A2B3C4D: <script>x</script>\", \"text\": \"…\"}";

        HttpResponse<String> first = post("/tickets/client-c", "notice-1.ticketing", ticket);
        HttpResponse<String> again = post("/tickets/client-c", "notice-1.ticketing", ticket);
        HttpResponse<String> list = get("/");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).isEqualTo("{\"ticket\": \"T-1\"}");
        assertThat(list.body()).contains("Text messages and calls (1)", "+44 20 7946 0188",
                        "Security incident &lt;b&gt;1A2B3C4D&lt;/b&gt;", "Tickets (1)", "/tickets/client-c",
                        "Sicherheitsvorfall 1A2B3C4D: &lt;script&gt;")
                .doesNotContain("<script>").doesNotContain("<b>1A2B");
        assertThat(get("/tickets/1").body()).contains("Signed</td><td>no", "&lt;script&gt;x&lt;/script&gt;");
        assertThat(get("/tickets/").statusCode()).isEqualTo(405);
    }

    @Test
    void shouldAnswer404ForAMessageThatDoesNotExist() throws Exception {
        assertThat(get("/messages/7").statusCode()).isEqualTo(404);
        assertThat(get("/elsewhere").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String idempotencyKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port() + path))
                .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("soc@vigie.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("it@client-a.example"));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        Transport.send(message);
    }
}
