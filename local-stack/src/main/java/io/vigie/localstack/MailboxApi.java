package io.vigie.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mailbox page's messages as JSON, for scripts and tests against the local stack: {@code GET /api/messages}
 * (oldest first; {@code ?to=} one recipient, {@code ?since=} only ids above it) and {@code GET /api/messages/{id}}.
 * Ids are {@link ArrivedMessages}': given in arrival order and never changed by the mail that arrives later.
 */
final class MailboxApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArrivedMessages messages;

    MailboxApi(ArrivedMessages messages) {
        this.messages = messages;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                problem(exchange, 405, "Method not allowed", "The mailbox API only reads: use GET.");
                return;
            }
            if (path.equals("/api/messages") || path.equals("/api/messages/")) {
                list(exchange, query(exchange.getRequestURI().getRawQuery()));
            } else if (path.matches("/api/messages/\\d{1,18}")) {
                long id = Long.parseLong(path.substring("/api/messages/".length()));
                Optional<ArrivedMessages.Arrived> found = messages.byId(id);
                if (found.isEmpty()) {
                    problem(exchange, 404, "Not found", "No message " + id + " in the mailbox.");
                } else {
                    send(exchange, 200, json(found.get()));
                }
            } else {
                problem(exchange, 404, "Not found", "The API has /api/messages and /api/messages/{id}.");
            }
        } catch (MessagingException e) {
            problem(exchange, 500, "Unreadable message", "A message could not be read: " + e.getMessage());
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException, MessagingException {
        String to = query.get("to");
        long since;
        try {
            since = query.containsKey("since") ? Long.parseLong(query.get("since")) : 0;
        } catch (NumberFormatException e) {
            problem(exchange, 400, "Bad since", "since must be a message id (a whole number), not '"
                    + query.get("since") + "'.");
            return;
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (ArrivedMessages.Arrived arrived : messages.all()) {
            if (arrived.id() > since && (to == null || addressedTo(arrived.message(), to))) {
                found.add(json(arrived));
            }
        }
        send(exchange, 200, found);
    }

    /** One message as a script wants it: bare addresses, decoded headers, both bodies. */
    private static Map<String, Object> json(ArrivedMessages.Arrived arrived) throws MessagingException, IOException {
        MimeMessage message = arrived.message();
        MailboxPage.Parts parts = MailboxPage.Parts.of(message);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", arrived.id());
        Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        json.put("date", received == null ? null : received.toInstant().toString());
        json.put("from", addresses(message.getFrom()));
        json.put("to", addresses(message.getRecipients(Message.RecipientType.TO)));
        json.put("cc", addresses(message.getRecipients(Message.RecipientType.CC)));
        json.put("subject", message.getSubject());
        json.put("headers", headers(message));
        json.put("text", parts.text());
        json.put("html", parts.html());
        json.put("page", "/messages/" + arrived.id());
        return json;
    }

    /**
     * Every header once, in the message's order, decoded; a header given more than once has its values joined by
     * ", ", under its first spelling (Message-ID and Message-Id are one header).
     */
    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> spelling = new HashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            String name = spelling.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), key -> header.getName());
            headers.merge(name, decoded(header.getValue()), (first, next) -> first + ", " + next);
        }
        return headers;
    }

    private static String decoded(String value) {
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException | RuntimeException e) {
            return value;
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) throws MessagingException {
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            for (String recipient : addresses(message.getRecipients(type))) {
                if (recipient.equalsIgnoreCase(address.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> bare = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                bare.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
            }
        }
        return bare;
    }

    // Percent-decoding only: a '+' stays a '+', as in plus-addressed recipients (replies+key@…).
    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.putIfAbsent(decode(name).toLowerCase(Locale.ROOT), decode(value));
        }
        return query;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        write(exchange, status, "application/problem+json", problem);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", body);
    }

    private static void write(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
