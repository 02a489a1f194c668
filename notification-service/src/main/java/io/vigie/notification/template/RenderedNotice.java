package io.vigie.notification.template;

/**
 * A notice rendered for one contact: what the channels send. {@code brief} is the sentence a text message carries
 * after the subject (what changed, or what the incident is), in the same language.
 */
public record RenderedNotice(String templateId, String subject, String text, String html, String brief) {

    public RenderedNotice(String templateId, String subject, String text, String html) {
        this(templateId, subject, text, html, null);
    }
}
