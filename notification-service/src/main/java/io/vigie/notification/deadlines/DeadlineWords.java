package io.vigie.notification.deadlines;

import io.vigie.notification.wording.PageWords;
import org.springframework.stereotype.Component;

/**
 * The words of the managers' deadline warning, in the SOC's language: {@code notification/deadlines/<lang>.yml},
 * checked at start like every page's ({@link PageWords}).
 */
@Component
class DeadlineWords extends PageWords {

    static final String FILES = "notification/deadlines/{language}.yml";

    DeadlineWords() {
        super("the managers' regulatory deadline email", FILES);
    }
}
