package io.vigie.notification.conversation;

import io.vigie.events.ClientMessageChannel;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.PageWords;
import io.vigie.notification.wording.Languages;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationWordsTest {

    private final Map<String, Map<String, String>> words = PageWords.read(ConversationWords.FILES);

    @Test
    void shouldHaveEveryWordInEveryLanguageWithTheEnglishPlaceholdersOnly() {
        assertThat(words).containsOnlyKeys(Languages.supported());
        assertThat(PageWords.problems(ConversationWords.FILES, words)).isEmpty();
        // every way a message comes in is worded for the communications mailbox
        for (String via : ClientMessageChannel.getClassSchema().getEnumSymbols()) {
            assertThat(words.get("en")).containsKey("comms.via." + via);
        }
    }

    @Test
    void shouldFindAMissingWordOrAnUnknownPlaceholder() {
        Map<String, Map<String, String>> broken = Map.of(
                "en", Map.of("question.title", "Your question", "question.limit", "At most {max} characters."),
                "fr", Map.of("question.limit", "{max} caractères au maximum, {secret}"));

        assertThat(PageWords.problems(ConversationWords.FILES, broken)).containsExactlyInAnyOrder("fr.question.title: missing",
                "fr.question.limit: may only use the placeholders [max]");
    }

    @Test
    void shouldSpeakOneLanguagePerFile() {
        words.forEach((language, texts) -> texts.forEach((key, text) ->
                assertThat(LanguageCheck.foreignWords(text, language)).as(language + "." + key).isEmpty()));
    }
}
