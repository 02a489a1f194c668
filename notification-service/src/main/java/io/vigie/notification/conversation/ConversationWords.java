package io.vigie.notification.conversation;

import io.vigie.notification.wording.PageWords;
import org.springframework.stereotype.Component;

/**
 * The words of the question page (in the contact's language) and of the email to the communications mailbox (in the
 * SOC's): {@code notification/conversation/<lang>.yml}, checked at start like every page's ({@link PageWords}).
 */
@Component
class ConversationWords extends PageWords {

    static final String FILES = "notification/conversation/{language}.yml";

    ConversationWords() {
        super("the question page and the communications email", FILES);
    }
}
