package io.vigie.notification.ack;

import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.PageWords;
import io.vigie.notification.wording.Languages;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AckWordsTest {

    private final Map<String, Map<String, String>> words = PageWords.read(AckWords.FILES);

    @Test
    void shouldHaveEveryWordInEveryLanguageWithTheEnglishPlaceholdersOnly() {
        assertThat(words).containsOnlyKeys(Languages.supported());
        assertThat(words.values()).allSatisfy(texts -> assertThat(texts).isNotEmpty());
        assertThat(PageWords.problems(AckWords.FILES, words)).isEmpty();
    }

    @Test
    void shouldFindAMissingWordAnUnknownKeyOrAnUnknownPlaceholder() {
        Map<String, Map<String, String>> broken = Map.of(
                "en", Map.of("ack.title", "Confirm receipt", "link.expired", "This link expired on {date}."),
                "fr", Map.of("link.expired", "Ce lien a expiré le {date} ({secret}).", "ack.titre", "Confirmer"),
                "de", Map.of());

        assertThat(PageWords.problems(AckWords.FILES, broken)).containsExactlyInAnyOrder("fr.ack.title: missing",
                "fr.link.expired: may only use the placeholders [date]", "fr.ack.titre: unknown key",
                "de: the file notification/ack/de.yml is missing");
    }

    @Test
    void shouldSpeakOneLanguagePerFile() {
        words.forEach((language, texts) -> texts.forEach((key, text) ->
                assertThat(LanguageCheck.foreignWords(text, language)).as(language + "." + key).isEmpty()));
    }

    @Test
    void shouldNotLeaveAnEnglishTextUntranslated() {
        // Short texts ("Link expired", "I agree") carry none of the words LanguageCheck knows: compare with English.
        Map<String, String> english = words.get(AckWords.REFERENCE);
        words.forEach((language, texts) -> texts.forEach((key, text) -> {
            if (!language.equals(AckWords.REFERENCE) && !key.equals("ack.incident")) {   // "Incident" is French too
                assertThat(text).as(language + "." + key).isNotEqualTo(english.get(key));
            }
        }));
    }
}
