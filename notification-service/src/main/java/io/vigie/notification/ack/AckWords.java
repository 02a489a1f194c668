package io.vigie.notification.ack;

import io.vigie.notification.wording.PageWords;
import org.springframework.stereotype.Component;

/**
 * The words of the acknowledgement and agreement pages, in the contact's language: {@code notification/ack/<lang>.yml},
 * checked at start like every page's ({@link PageWords}).
 */
@Component
public class AckWords extends PageWords {

    static final String FILES = "notification/ack/{language}.yml";

    AckWords() {
        super("the acknowledgement and agreement pages", FILES);
    }
}
