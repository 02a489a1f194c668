package io.vigie.notification.deadlines;

import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.PageWords;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineWordsTest {

    private final Map<String, Map<String, String>> words = PageWords.read(DeadlineWords.FILES);

    @Test
    void shouldHaveEveryWordInEveryLanguageWithTheEnglishPlaceholdersOnly() {
        assertThat(words).containsOnlyKeys(Languages.supported());
        assertThat(PageWords.problems(DeadlineWords.FILES, words)).isEmpty();
        // every announcement the managers are warned of has its subject and its opening sentence
        for (DeadlineWarning.Kind kind : DeadlineWarning.Kind.values()) {
            assertThat(words.get("en")).containsKeys("deadlines.subject." + kind, "deadlines.intro." + kind);
        }
    }

    @Test
    void shouldSpeakOneLanguagePerFile() {
        words.forEach((language, texts) -> texts.forEach((key, text) ->
                assertThat(LanguageCheck.foreignWords(text, language)).as(language + "." + key).isEmpty()));
    }
}
