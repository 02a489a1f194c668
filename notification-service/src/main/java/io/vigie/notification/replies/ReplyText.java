package io.vigie.notification.replies;

import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the client wrote in a reply, without what they replied to: quoted lines ({@code >}), everything from the
 * reply header their mail program put above the quoted notice ("On … wrote:", "Le … a écrit :", "Am … schrieb …:",
 * "-----Original Message-----" and its French and German forms, Outlook's "From:/De :/Von:" block), and the signature
 * ("-- ", "Sent from my …" and its French and German forms). The case keeps the client's words only; the whole mail
 * stays as evidence.
 */
public final class ReplyText {

    /** The longest text put on the case; the rest is in the evidence. */
    static final int MAX_LENGTH = 20_000;

    /** The attribution line, which mail programs wrap over up to three lines when it is long. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?iu)^(on\\s.+\\swrote|le\\s.+\\sa\\s+écrit|am\\s.+\\sschrieb\\b.*|.+\\sschrieb\\s+am\\s.+)\\s*:\\s*$");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iu)^(on|le|am)\\s.*");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?iu)^-{3,}\\s*(original message|ursprüngliche nachricht|original-nachricht|message d['’]origine)\\s*-{3,}$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?iu)^\\*?(from|de|von)\\s*:.*");
    private static final Pattern HEADER_SENT = Pattern.compile("(?iu)^\\*?(sent|date|envoyé|gesendet|datum)\\s*:.*");
    private static final Pattern RULE = Pattern.compile("^_{10,}$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "(?iu)^(sent from my\\s.+|envoyé de mon\\s.+|envoyé depuis mon\\s.+|von meinem\\s.+\\sgesendet\\.?"
                    + "|gesendet von meinem\\s.+|get outlook for\\s.+)$");

    private ReplyText() {
    }

    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String trimmed = line.strip();
            if (line.equals("--") || lines[i].equals("-- ") || MOBILE_SIGNATURE.matcher(trimmed).matches()
                    || startsQuotedMessage(lines, i)) {
                break;
            }
            if (!trimmed.startsWith(">")) {
                kept.add(line);
            }
        }
        String stripped = String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
        return stripped.length() <= MAX_LENGTH ? stripped : stripped.substring(0, MAX_LENGTH);
    }

    private static boolean startsQuotedMessage(String[] lines, int i) {
        String line = lines[i].strip();
        if (ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (ATTRIBUTION_START.matcher(line).matches() || line.contains("schrieb")) {
            String joined = line;
            for (int next = i; next < Math.min(lines.length, i + 3); next++) {
                if (next > i) {
                    joined = joined + " " + lines[next].strip();
                }
                // Every mail program puts the date in it: a sentence of the client's that happens to end with
                // "wrote:" does not cut the reply short.
                if (ATTRIBUTION.matcher(joined).matches() && DIGIT.matcher(joined).find()) {
                    return true;
                }
            }
        }
        if (RULE.matcher(line).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next >= 0 && HEADER_FROM.matcher(lines[next].strip()).matches();
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int next = i + 1; next < Math.min(lines.length, i + 5); next++) {
                if (HEADER_SENT.matcher(lines[next].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int nextNonBlank(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text of an HTML-only reply: quoted blocks dropped, line breaks kept, tags removed, entities decoded. Rough
     * on purpose: the result is then stripped like a text reply, and the original stays as evidence.
     */
    static String fromHtml(String html) {
        String text = html.replaceAll("(?is)<(head|script|style)\\b[^>]*>.*?</\\1\\s*>", "")
                .replaceAll("(?is)<blockquote\\b[^>]*>.*?</blockquote\\s*>", "\n")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6])\\s*>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        return HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ');
    }
}
