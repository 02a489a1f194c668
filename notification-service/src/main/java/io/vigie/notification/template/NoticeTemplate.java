package io.vigie.notification.template;

/** The three parts of a notice template: subject, plain-text body and HTML body, each a Mustache template. */
public record NoticeTemplate(TemplateKey key, String subject, String text, String html, boolean builtIn) {

    /**
     * Reads the shipped format: a {@code subject:} line, then the text after a {@code --- text} line and the HTML after
     * a {@code --- html} line.
     */
    static NoticeTemplate parse(TemplateKey key, String source) {
        int text = source.indexOf("\n--- text\n");
        int html = source.indexOf("\n--- html\n");
        if (!source.startsWith("subject:") || text < 0 || html < text) {
            throw new IllegalArgumentException("Template " + key.id() + " is not 'subject:', '--- text', '--- html'");
        }
        String subject = source.substring("subject:".length(), text).strip();
        return new NoticeTemplate(key, subject, source.substring(text + 10, html),
                source.substring(html + 10), true);
    }
}
