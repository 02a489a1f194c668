package io.vigie.notification.template;

/** A notice rendered for one contact: what the channels send. */
public record RenderedNotice(String templateId, String subject, String text, String html) {
}
