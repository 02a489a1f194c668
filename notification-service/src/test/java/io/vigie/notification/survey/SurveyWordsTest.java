package io.vigie.notification.survey;

import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.Languages;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyWordsTest {

    private final SurveyWords words = new SurveyWords();

    @Test
    void shouldHaveEveryTextOfThePageInEveryLanguageAndNoOtherLanguageInIt() {
        for (String language : Languages.supported()) {
            Map<String, Object> texts = SurveyWords.load(language);
            assertThat(texts.keySet()).as(language).containsExactlyInAnyOrderElementsOf(
                    SurveyWords.load(SurveyWords.REFERENCE).keySet());
            String all = String.join("\n", texts.values().stream().map(String::valueOf).toList());
            assertThat(LanguageCheck.foreignWords(all, language)).as(language).isEmpty();
        }
        assertThat(words.text("de", "thanks", Map.of("name", "Jutta", "date", "3. März 2026")))
                .isEqualTo("Vielen Dank, Jutta. Ihre Antworten wurden am 3. März 2026 gespeichert.");
        assertThat(words.rating("fr", 1)).isEqualTo("Très mauvais");
        assertThat(words.rating("en", 5)).isEqualTo("Excellent");
    }

    @Test
    void shouldFindAMissingTextAShortScaleAndAnUnknownPlaceholder() {
        Map<String, Map<String, Object>> byLanguage = new LinkedHashMap<>();
        byLanguage.put("en", SurveyWords.load("en"));
        Map<String, Object> broken = new LinkedHashMap<>(SurveyWords.load("fr"));
        broken.remove("send");
        broken.put("scale", List.of("Mauvais", "Bon"));
        broken.put("thanks", "Merci {client}.");
        byLanguage.put("fr", broken);

        assertThat(SurveyWords.problems(byLanguage)).containsExactlyInAnyOrder("fr.send: missing",
                "fr.scale: needs 5 texts", "fr.thanks: unknown placeholder {client}");
    }
}
