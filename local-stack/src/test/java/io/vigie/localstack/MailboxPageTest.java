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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxPageTest {

    private static final String REPLIES = "replies@soc.vigie.local";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GreenMail smtp;
    private MailboxPage page;
    private final HttpClient http = HttpClient.newHttpClient();
    private List<MailboxPage.TextMessage> texts = List.of();

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtp.setUser(REPLIES, REPLIES, "secret");
        page = MailboxPage.start(smtp, () -> texts, REPLIES, "127.0.0.1", 0);
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
    void shouldDeliverTheClientsReplyThreadedAndQuotedToTheRepliesInboxOnly() throws Exception {
        send("Notice without a reply address", "no reply", "<p>no reply</p>");
        send("Incident de sécurité 1A2B3C4D", "Bonjour,\nvotre compte a été verrouillé.", "<p>Bonjour</p>",
                "replies+k3y@soc.vigie.local");
        String noticeId = smtp.getReceivedMessages()[1].getMessageID();

        assertThat(get("/messages/1").body()).doesNotContain("Reply as the client");
        assertThat(get("/messages/2").body()).contains("Reply-To", "replies+k3y@soc.vigie.local",
                "Reply as the client", "action=\"/messages/2/reply\"");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port()
                        + "/messages/2/reply")).header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=forged")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replied = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port()
                        + "/messages/2/reply")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=Faut-il+pr%C3%A9venir+nos+clients+%3F")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(replied.statusCode()).isEqualTo(303);
        assertThat(replied.headers().firstValue("Location")).hasValue("/messages/2?replied");
        var inbox = smtp.getUserManager().getUserByEmail(REPLIES);
        var stored = smtp.getManagers().getImapHostManager().getInbox(inbox).getMessages();
        assertThat(stored).hasSize(1);
        MimeMessage reply = stored.get(0).getMimeMessage();
        assertThat(reply.getFrom()[0].toString()).isEqualTo("it@client-a.example");
        assertThat(reply.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("replies+k3y@soc.vigie.local");
        assertThat(reply.getSubject()).isEqualTo("Re: Incident de sécurité 1A2B3C4D");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(noticeId);
        assertThat(((String) reply.getContent()).replace("\r\n", "\n")).startsWith("Faut-il prévenir nos clients ?\n\nOn ")
                .contains("> votre compte a été verrouillé.");
    }

    @Test
    void shouldKeepEveryMessagesNumberWhileMailArrivesForOtherMailboxes() throws Exception {
        send("it@client-a.example", "First to client A", "a1", "<p>a1</p>", null, null);
        send("dpo@client-b.example", "First to client B", "b1", "<p>b1</p>", null, null);
        assertThat(get("/messages/2").body()).contains("First to client B");

        // GreenMail lists its messages mailbox by mailbox: this one comes before client B's in its own list.
        send("it@client-a.example", "Second to client A", "a2", "<p>a2</p>", null, null);

        assertThat(get("/messages/1").body()).contains("First to client A");
        assertThat(get("/messages/2").body()).contains("First to client B");
        assertThat(get("/messages/3").body()).contains("Second to client A");
        assertThat(get("/").body()).contains("href=\"/messages/3\">Second to client A",
                "href=\"/messages/2\">First to client B", "href=\"/messages/1\">First to client A");
        assertThat(json("/api/messages").findValuesAsString("subject"))
                .containsExactly("First to client A", "First to client B", "Second to client A");
    }

    @Test
    void shouldServeEveryMessageAsJsonWithItsHeadersAndBothPartsFilteredByRecipient() throws Exception {
        send("it@client-a.example", "Incident de sécurité 1A2B3C4D", "Bonjour,\nvotre compte a été verrouillé.",
                "<p>Bonjour</p>", "replies+k3y@soc.vigie.local", null);
        String noticeId = smtp.getReceivedMessages()[0].getMessageID();
        send("dpo@client-b.example", "Security incident 5E6F7A8B", "Dear DPO", "<p>Dear DPO</p>", null, null);
        send("IT@client-a.example", "Réponse : Incident de sécurité 1A2B3C4D", "Seul le compte j.doe est concerné.",
                "<p>Seul le compte j.doe est concerné.</p>", "replies+k3y@soc.vigie.local", noticeId);
        // The client answers the first from its page: the reply lands in the SOC's replies mailbox, to its plus address.
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port()
                        + "/messages/1/reply")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=Merci")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(303);

        HttpResponse<String> all = get("/api/messages");
        JsonNode first = json("/api/messages/1");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(JSON.readTree(all.body()).findValuesAsString("id")).containsExactly("1", "2", "3", "4");
        assertThat(first.get("from").toString()).isEqualTo("[\"soc@vigie.example\"]");
        assertThat(first.get("to").toString()).isEqualTo("[\"it@client-a.example\"]");
        assertThat(first.get("subject").asString()).isEqualTo("Incident de sécurité 1A2B3C4D");
        assertThat(first.get("date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.at("/headers/Message-ID").asString()).isEqualTo(noticeId);
        assertThat(first.at("/headers/Reply-To").asString()).isEqualTo("replies+k3y@soc.vigie.local");
        assertThat(first.at("/headers/Subject").asString()).isEqualTo("Incident de sécurité 1A2B3C4D");
        assertThat(first.get("text").asString().replace("\r\n", "\n")).isEqualTo("Bonjour,\nvotre compte a été verrouillé.");
        assertThat(first.get("html").asString()).isEqualTo("<p>Bonjour</p>");
        assertThat(first.get("page").asString()).isEqualTo("/messages/1");

        // A recipient, whatever its case; a '+' is taken as written, not as a space.
        assertThat(json("/api/messages?to=it@CLIENT-A.example").findValuesAsString("subject")).containsExactly(
                "Incident de sécurité 1A2B3C4D", "Réponse : Incident de sécurité 1A2B3C4D");
        assertThat(json("/api/messages?to=it%40client-a.example&since=1").findValuesAsString("id"))
                .containsExactly("3");
        JsonNode answer = json("/api/messages?to=it@client-a.example&since=1").get(0);
        assertThat(answer.at("/headers/In-Reply-To").asString()).isEqualTo(noticeId);
        JsonNode reply = json("/api/messages?to=replies+k3y@soc.vigie.local").get(0);
        assertThat(reply.get("id").asLong()).isEqualTo(4);
        assertThat(reply.get("from").toString()).isEqualTo("[\"it@client-a.example\"]");
        assertThat(reply.at("/headers/In-Reply-To").asString()).isEqualTo(noticeId);
        assertThat(reply.get("text").asString()).startsWith("Merci").contains("> votre compte a été verrouillé.");
        assertThat(reply.get("html").isNull()).isTrue();
        assertThat(json("/api/messages?to=nobody@client-c.example")).isEmpty();
    }

    @Test
    void shouldAnswerTheApisRefusalsAsProblemJson() throws Exception {
        HttpResponse<String> missing = get("/api/messages/7");
        HttpResponse<String> badSince = get("/api/messages?since=yesterday");
        HttpResponse<String> written = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port()
                + "/api/messages")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("detail").asString()).isEqualTo("No message 7 in the mailbox.");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(badSince.body()).contains("yesterday");
        assertThat(written.statusCode()).isEqualTo(405);
        assertThat(json("/api/messages")).isEmpty();
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

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String idempotencyKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.port() + path))
                .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(String subject, String text, String html) throws Exception {
        send(subject, text, html, null);
    }

    private void send(String subject, String text, String html, String replyTo) throws Exception {
        send("it@client-a.example", subject, text, html, replyTo, null);
    }

    private void send(String to, String subject, String text, String html, String replyTo, String inReplyTo)
            throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("soc@vigie.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (replyTo != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo)});
        }
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
        }
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        Transport.send(message);
    }
}
