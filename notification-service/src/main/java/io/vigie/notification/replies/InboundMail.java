package io.vigie.notification.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail read from the replies mailbox, parsed from its original bytes (the evidence), so what is decided is
 * decided on exactly what is kept. Nothing in it is trusted but the key in its recipients, which is only looked up.
 */
public final class InboundMail {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** Where a server with plus-addressing leaves the address a mail came to, besides To and Cc. */
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To");
    /** What a human reading the quarantine may see of the headers: no routing, no tracking, no client software. */
    private static final List<String> SAFE_HEADERS = List.of("From", "To", "Cc", "Date", "Subject", "Message-ID",
            "In-Reply-To");
    private static final Set<String> BULK = Set.of("auto_reply", "bulk", "junk", "list");
    private static final int HEADER_LIMIT = 998;

    private final MimeMessage message;

    private InboundMail(MimeMessage message) {
        this.message = message;
    }

    public static InboundMail parse(byte[] raw) throws MessagingException {
        return new InboundMail(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
    }

    /** The Message-ID as written, or null. */
    public String messageId() throws MessagingException {
        String id = message.getMessageID();
        return id == null || id.isBlank() ? null : truncate(id.strip());
    }

    public String inReplyTo() throws MessagingException {
        return message.getHeader("In-Reply-To", null);
    }

    /** The one sender address, in lowercase; null when there is none, more than one, or it cannot be read. */
    public String from() {
        try {
            String header = message.getHeader("From", ",");
            if (header == null) {
                return null;
            }
            InternetAddress[] from = InternetAddress.parseHeader(header, true);
            return from.length == 1 && from[0].getAddress() != null
                    ? from[0].getAddress().toLowerCase(Locale.ROOT) : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    public String subject() {
        return header("Subject");
    }

    /**
     * The tags of the replies address in the recipients ({@code local+tag@domain}), in lowercase, in order. Read from
     * the raw headers: an address list a client's program wrote badly must not hide the key.
     */
    public List<String> replyTags(String local, String domain) throws MessagingException {
        Pattern address = Pattern.compile("(?<![A-Za-z0-9._%+-])" + Pattern.quote(local) + "\\+([^\\s@<>\"',;()]+)@"
                + Pattern.quote(domain) + "(?![A-Za-z0-9.-])", Pattern.CASE_INSENSITIVE);
        Set<String> tags = new LinkedHashSet<>();
        for (String name : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(name);
            for (String value : values == null ? new String[0] : values) {
                Matcher matcher = address.matcher(value);
                while (matcher.find()) {
                    tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(tags);
    }

    /**
     * Written by a machine, not by the contact: an out-of-office or other automatic reply (RFC 3834
     * {@code Auto-Submitted}, the older {@code X-Autoreply}/{@code X-Autorespond}, {@code Precedence}), or a bounce
     * (a delivery report, or a null sender). Vigie's own notices say {@code Auto-Submitted} too, which stops a loop.
     */
    public boolean automatic() throws MessagingException {
        String submitted = message.getHeader("Auto-Submitted", null);
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
            return true;
        }
        for (String name : List.of("Precedence", "X-Precedence")) {
            String value = message.getHeader(name, null);
            if (value != null && BULK.contains(value.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        String returnPath = message.getHeader("Return-Path", null);
        return (returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty())
                || message.isMimeType("multipart/report");
    }

    /** The text the contact wrote, quotes and all: the text part, else the text of the HTML part; "" when none. */
    public String text() throws MessagingException, IOException {
        String plain = find(message, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(message, "text/html");
        return html == null ? "" : ReplyText.fromHtml(html);
    }

    /** The headers a human may read, decoded, in a fixed order. */
    public Map<String, String> safeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SAFE_HEADERS) {
            String value = header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private String header(String name) {
        try {
            String value = message.getHeader(name, ", ");
            if (value == null) {
                return null;
            }
            String unfolded = MimeUtility.unfold(value);
            try {
                unfolded = MimeUtility.decodeText(unfolded);
            } catch (UnsupportedEncodingException e) {
                // An unknown charset: shown as written.
            }
            return truncate(unfolded.strip());
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String truncate(String value) {
        return value.length() <= HEADER_LIMIT ? value : value.substring(0, HEADER_LIMIT);
    }
}
