package io.vigie.notification.survey;

import io.vigie.notification.wording.PageWords;
import org.springframework.stereotype.Component;

/**
 * The words of the survey page: {@code notification/survey/survey.<lang>.yml}, checked at start like every page's
 * ({@link PageWords}). They are the page's own fixed words, like a template's, so they live beside the phrase
 * catalogue rather than in it: a phrase set edited through the API before the survey existed stays complete.
 */
@Component
class SurveyWords extends PageWords {

    static final String FILES = "notification/survey/survey.{language}.yml";

    SurveyWords() {
        super("the survey page", FILES);
    }

    /** The words of a rating, 1 to 5. */
    String rating(String language, int rating) {
        return text(language, "scale." + rating);
    }
}
