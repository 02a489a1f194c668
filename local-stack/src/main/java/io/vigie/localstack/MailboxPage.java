package io.vigie.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Executors;

/**
 * The local stack's mailbox as a web page: every email the services sent, as the client would receive it, newest
 * first, each under an id that never changes ({@link ArrivedMessages}); the same as JSON for scripts under
 * {@code /api/messages} ({@link MailboxApi}). The HTML part is shown in a sandboxed frame without scripts, so a notice
 * that carried hostile content stays inert here too.
 */
final class MailboxPage implements AutoCloseable {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2433}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dde}
            a{color:#1554c0}pre{background:#f5f6fa;padding:1rem;white-space:pre-wrap}
            iframe{width:100%;height:32rem;border:1px solid #dde}.meta td:first-child{color:#667;width:7rem}
            """;

    private static final int TICKET_LIMIT = 1 << 20;
    private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int TICKETS_KEPT = 1000;

    /** A text message or voice call the services sent, as the local SMS provider took it. */
    record TextMessage(Instant at, String to, String text, boolean voice) {
    }

    /** A call the services made to a client's ticketing webhook, as the local ticket sink took it. */
    record Ticket(int number, Instant at, String path, String idempotencyKey, boolean signed, String body) {
    }

    private final GreenMail mailbox;
    private final ArrivedMessages messages;
    private final String repliesAddress;
    private final Supplier<List<TextMessage>> texts;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Ticket> tickets = new ArrayList<>();

    private MailboxPage(GreenMail mailbox, ArrivedMessages messages, String repliesAddress,
                        Supplier<List<TextMessage>> texts, HttpServer server, ExecutorService executor) {
        this.mailbox = mailbox;
        this.messages = messages;
        this.repliesAddress = repliesAddress;
        this.texts = texts;
        this.server = server;
        this.executor = executor;
    }

    /**
     * The page (every email, text message, call and ticket the services sent, newest first) and the local ticket
     * sink: {@code POST /tickets/<client>} takes a ticketing webhook's call as a client's ticketing system would,
     * once per idempotency key. A notice that carries a reply address can be answered from its page as the client
     * would: the reply goes to the {@code repliesAddress} account's inbox, which notification-service reads over IMAP.
     */
    static MailboxPage start(GreenMail mailbox, Supplier<List<TextMessage>> texts, String repliesAddress,
                             String bindAddress, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "mailbox-page");
                thread.setDaemon(true);
                return thread;
            });
            ArrivedMessages messages = new ArrivedMessages(mailbox);
            MailboxPage page = new MailboxPage(mailbox, messages, repliesAddress, texts, server, executor);
            server.createContext("/", page::handle);
            server.createContext("/tickets/", page::ticket);
            server.createContext("/api/", new MailboxApi(messages)::handle);
            server.setExecutor(executor);
            server.start();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the mailbox page on " + bindAddress + ":" + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.matches("/messages/\\d{1,9}/reply")) {
                reply(exchange, Integer.parseInt(path.substring("/messages/".length(), path.lastIndexOf('/'))));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "Only GET");
                return;
            }
            if (path.equals("/")) {
                List<ArrivedMessages.Arrived> newestFirst = new ArrayList<>(messages.all());
                Collections.reverse(newestFirst);
                send(exchange, 200, "text/html", list(newestFirst));
            } else if (path.matches("/messages/\\d{1,9}")) {
                int id = Integer.parseInt(path.substring("/messages/".length()));
                Optional<ArrivedMessages.Arrived> found = messages.byId(id);
                if (found.isEmpty()) {
                    send(exchange, 404, "text/html", page("Not found", "<p>No message " + id + ".</p>"));
                } else {
                    send(exchange, 200, "text/html", message(found.get().message(), id,
                            "replied".equals(exchange.getRequestURI().getQuery())));
                }
            } else {
                send(exchange, 404, "text/html", page("Not found", "<p><a href=\"/\">Back to the mailbox</a></p>"));
            }
        } catch (MessagingException e) {
            send(exchange, 500, "text/plain", "The message could not be read: " + e.getMessage());
        }
    }

    /** The ticket sink: a POST is a ticket (201, or 200 for one already taken); a GET shows one. */
    private void ticket(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.matches("/tickets/\\d{1,9}")) {
                Ticket ticket = ticket(Integer.parseInt(path.substring("/tickets/".length())));
                if (ticket == null) {
                    send(exchange, 404, "text/html", page("Not found", "<p><a href=\"/\">Back</a></p>"));
                } else {
                    send(exchange, 200, "text/html", page("Ticket " + ticket.number(), "<p><a href=\"/\">&larr; "
                            + "mailbox</a></p><table class=\"meta\"><tr><td>Received</td><td>" + ticket.at()
                            + "</td></tr><tr><td>Path</td><td>" + escape(ticket.path()) + "</td></tr><tr><td>Signed"
                            + "</td><td>" + (ticket.signed() ? "yes (X-Vigie-Signature)" : "no") + "</td></tr></table>"
                            + "<pre>" + escape(ticket.body()) + "</pre>"));
                }
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST a ticket");
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(TICKET_LIMIT + 1);
            if (body.length > TICKET_LIMIT) {
                send(exchange, 413, "text/plain", "Too large");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean signed = exchange.getRequestHeaders().getFirst("X-Vigie-Signature") != null;
            Taken taken = take(path, key, signed, new String(body, StandardCharsets.UTF_8));
            sendJson(exchange, taken.fresh() ? 201 : 200, taken.ticket());
        }
    }

    private record Taken(Ticket ticket, boolean fresh) {
    }

    /** A new ticket, or the one already taken with this idempotency key (a webhook sent again after a crash). */
    private synchronized Taken take(String path, String key, boolean signed, String body) {
        if (key != null) {
            for (Ticket ticket : tickets) {
                if (key.equals(ticket.idempotencyKey())) {
                    return new Taken(ticket, false);
                }
            }
        }
        if (tickets.size() == TICKETS_KEPT) {
            tickets.remove(0);
        }
        Ticket ticket = new Ticket(tickets.isEmpty() ? 1 : tickets.get(tickets.size() - 1).number() + 1, Instant.now(),
                path, key, signed, body);
        tickets.add(ticket);
        return new Taken(ticket, true);
    }

    private synchronized Ticket ticket(int number) {
        return tickets.stream().filter(ticket -> ticket.number() == number).findFirst().orElse(null);
    }

    private synchronized List<Ticket> ticketsNewestFirst() {
        List<Ticket> newest = new ArrayList<>(tickets);
        Collections.reverse(newest);
        return newest;
    }

    private String list(List<ArrivedMessages.Arrived> newestFirst) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (ArrivedMessages.Arrived arrived : newestFirst) {
            MimeMessage message = arrived.message();
            rows.append("<tr><td>").append(escape(date(message))).append("</td><td>")
                    .append(escape(addresses(message.getRecipients(Message.RecipientType.TO))))
                    .append("</td><td><a href=\"/messages/").append(arrived.id()).append("\">")
                    .append(escape(nullToEmpty(message.getSubject()))).append("</a></td></tr>");
        }
        String body = newestFirst.isEmpty()
                ? "<p>No email yet. Notices the services send to clients appear here.</p>"
                : "<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>" + rows + "</table>";
        return page("Vigie mailbox (" + newestFirst.size() + ")", body + texts() + tickets());
    }

    private String texts() {
        List<TextMessage> sent = new ArrayList<>(texts.get());
        Collections.reverse(sent);
        StringBuilder rows = new StringBuilder();
        for (TextMessage text : sent) {
            rows.append("<tr><td>").append(text.at()).append("</td><td>").append(text.voice() ? "voice call" : "SMS")
                    .append("</td><td>").append(escape(text.to())).append("</td><td><pre>").append(escape(text.text()))
                    .append("</pre></td></tr>");
        }
        return "<h2 id=\"texts\">Text messages and calls (" + sent.size() + ")</h2>" + (sent.isEmpty()
                ? "<p>None yet. Out-of-band notices, and those a client takes by SMS, appear here.</p>"
                : "<table><tr><th>Sent</th><th>Kind</th><th>To</th><th>Text</th></tr>" + rows + "</table>");
    }

    private String tickets() {
        List<Ticket> taken = ticketsNewestFirst();
        StringBuilder rows = new StringBuilder();
        for (Ticket ticket : taken) {
            rows.append("<tr><td>").append(ticket.at()).append("</td><td>").append(escape(ticket.path()))
                    .append("</td><td><a href=\"/tickets/").append(ticket.number()).append("\">")
                    .append(escape(subject(ticket.body()))).append("</a></td></tr>");
        }
        return "<h2 id=\"tickets\">Tickets (" + taken.size() + ")</h2>" + (taken.isEmpty()
                ? "<p>None yet. A client with the WEBHOOK channel pointed at <code>/tickets/&lt;client&gt;</code> here "
                + "gets its notices as tickets.</p>"
                : "<table><tr><th>Received</th><th>Ticketing system</th><th>Subject</th></tr>" + rows + "</table>");
    }

    // The webhook's JSON names its subject; a ticket that is not Vigie's shows its first characters instead.
    private static String subject(String body) {
        Matcher subject = SUBJECT.matcher(body);
        return subject.find() ? subject.group(1) : body.substring(0, Math.min(body.length(), 80));
    }

    private String message(MimeMessage message, int id, boolean replied) throws MessagingException, IOException {
        Parts parts = Parts.of(message);
        StringBuilder body = new StringBuilder("<p><a href=\"/\">&larr; mailbox</a></p>");
        if (replied) {
            body.append("<p><strong>Your reply is in the SOC's replies mailbox.</strong> notification-service reads it "
                    + "within seconds and puts it on the incident's case timeline (case dashboard).</p>");
        }
        body.append("<table class=\"meta\">");
        meta(body, "From", addresses(message.getFrom()));
        meta(body, "To", addresses(message.getRecipients(Message.RecipientType.TO)));
        String replyTo = message.getHeader("Reply-To", ", ");
        if (replyTo != null) {
            meta(body, "Reply-To", replyTo);
        }
        meta(body, "Subject", nullToEmpty(message.getSubject()));
        meta(body, "Date", date(message));
        meta(body, "Message-ID", nullToEmpty(message.getMessageID()));
        body.append("</table>");
        if (parts.html != null) {
            // No allow-scripts, no allow-same-origin: the email's HTML renders but cannot run or reach this page.
            body.append("<h2>HTML</h2><iframe sandbox title=\"HTML part\" srcdoc=\"").append(escape(parts.html))
                    .append("\"></iframe>");
        }
        if (parts.text != null) {
            body.append("<h2>Text</h2><pre>").append(escape(parts.text)).append("</pre>");
        }
        if (replyAddress(message, repliesAddress) != null) {
            body.append("<h2>Reply as the client</h2><form method=\"post\" action=\"/messages/").append(id)
                    .append("/reply\"><p><textarea name=\"text\" rows=\"6\" cols=\"80\" maxlength=\"4000\" required>"
                            + "</textarea></p><p><button type=\"submit\">Send as ")
                    .append(escape(addresses(message.getRecipients(Message.RecipientType.TO))))
                    .append("</button></p></form>");
        }
        return page("Message " + id, body.toString());
    }

    /**
     * The client's reply to message {@code id}, as their mail program would write it (the new text, then the notice
     * quoted), delivered to the replies account. Only from this page: a form posted by another site is refused.
     */
    private void reply(HttpExchange exchange, int id) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            send(exchange, 403, "text/plain", "Replies are written on this page only");
            return;
        }
        String text = formField(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8),
                "text");
        Optional<ArrivedMessages.Arrived> found = messages.byId(id);
        if (found.isEmpty() || text == null || text.isBlank()) {
            send(exchange, 400, "text/html", page("Nothing sent", "<p>Write a reply to a message that has a reply "
                    + "address. <a href=\"/\">Back</a></p>"));
            return;
        }
        try {
            MimeMessage original = found.get().message();
            if (replyAddress(original, repliesAddress) == null) {
                send(exchange, 400, "text/html", page("Nothing sent", "<p>This message has no reply address.</p>"));
                return;
            }
            mailbox.getUserManager().getUserByEmail(repliesAddress).deliver(reply(original, text, repliesAddress));
            exchange.getResponseHeaders().set("Location", "/messages/" + id + "?replied");
            send(exchange, 303, "text/plain", "Sent");
        } catch (MessagingException | IOException | RuntimeException e) {
            send(exchange, 500, "text/plain", "The reply could not be delivered: " + e.getMessage());
        }
    }

    /**
     * What the client's mail program would send when they answer {@code original}: from them to its reply address,
     * "Re:" subject, threaded (In-Reply-To, References), their text and then the notice quoted.
     */
    static MimeMessage reply(MimeMessage original, String text, String repliesAddress)
            throws MessagingException, IOException {
        InternetAddress to = replyAddress(original, repliesAddress);
        if (to == null) {
            throw new IllegalArgumentException("The message has no reply address of " + repliesAddress);
        }
        Parts parts = Parts.of(original);
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(original.getRecipients(Message.RecipientType.TO)[0]);
        reply.setRecipient(Message.RecipientType.TO, to);
        String subject = nullToEmpty(original.getSubject());
        reply.setSubject(subject.startsWith("Re: ") ? subject : "Re: " + subject, "UTF-8");
        if (original.getMessageID() != null) {
            reply.setHeader("In-Reply-To", original.getMessageID());
            String references = original.getHeader("References", " ");
            reply.setHeader("References", (references == null ? "" : references + " ") + original.getMessageID());
        }
        StringBuilder quoted = new StringBuilder(text.strip()).append("\n\nOn ").append(date(original)).append(", ")
                .append(addresses(original.getFrom())).append(" wrote:\n");
        for (String line : nullToEmpty(parts.text).split("\n")) {
            quoted.append("> ").append(line).append('\n');
        }
        reply.setText(quoted.toString(), "UTF-8");
        reply.setSentDate(new Date());
        reply.saveChanges();
        return reply;
    }

    /** The message's Reply-To when it is the SOC's replies account, plus-addressed; otherwise null. */
    static InternetAddress replyAddress(MimeMessage message, String repliesAddress) throws MessagingException {
        String header = message.getHeader("Reply-To", ",");
        if (header == null || repliesAddress == null) {
            return null;
        }
        String[] replies = repliesAddress.split("@");
        for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
            String[] parts = address.getAddress().split("@");
            if (parts.length == 2 && parts[1].equalsIgnoreCase(replies[1])
                    && parts[0].toLowerCase(Locale.ROOT).startsWith(replies[0] + "+")) {
                return address;
            }
        }
        return null;
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void meta(StringBuilder body, String name, String value) {
        body.append("<tr><td>").append(name).append("</td><td>").append(escape(value)).append("</td></tr>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
    }

    private static void sendJson(HttpExchange exchange, int status, Ticket ticket) throws IOException {
        byte[] bytes = ("{\"ticket\": \"T-" + ticket.number() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "frame-src 'self'; img-src data:");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String date(MimeMessage message) throws MessagingException {
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return date == null ? "" : date.toInstant().toString();
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> all = new ArrayList<>();
        for (Address address : addresses) {
            all.add(address.toString());
        }
        return String.join(", ", all);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The first text/plain and text/html parts of a message, however deeply its multiparts nest. */
    static final class Parts {
        private String text;
        private String html;

        static Parts of(Part message) throws MessagingException, IOException {
            Parts parts = new Parts();
            parts.collect(message);
            return parts;
        }

        /** The plain text, or null when the message has none. */
        String text() {
            return text;
        }

        /** The HTML, or null when the message has none. */
        String html() {
            return html;
        }

        private void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
