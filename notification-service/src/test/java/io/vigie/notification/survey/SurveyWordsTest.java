package io.vigie.notification.survey;

import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.PageWords;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyWordsTest {

    private final SurveyWords words = new SurveyWords();

    @Test
    void shouldHaveEveryTextOfThePageInEveryLanguageAndNoOtherLanguageInIt() {
        Map<String, Map<String, String>> all = PageWords.read(SurveyWords.FILES);
        assertThat(PageWords.problems(SurveyWords.FILES, all)).isEmpty();
        all.forEach((language, texts) -> assertThat(LanguageCheck.foreignWords(String.join("\n", texts.values()),
                language)).as(language).isEmpty());
        assertThat(words.text("de", "thanks", Map.of("name", "Jutta", "date", "3. März 2026")))
                .isEqualTo("Vielen Dank, Jutta. Ihre Antworten wurden am 3. März 2026 gespeichert.");
        assertThat(words.rating("fr", 1)).isEqualTo("Très mauvais");
        assertThat(words.rating("en", 5)).isEqualTo("Excellent");
    }

    @Test
    void shouldFindAMissingTextAShortScaleAndAnUnknownPlaceholder() {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        byLanguage.put("en", PageWords.read(SurveyWords.FILES).get("en"));
        Map<String, String> broken = new LinkedHashMap<>(PageWords.read(SurveyWords.FILES).get("fr"));
        broken.remove("send");
        broken.remove("scale.5");
        broken.put("thanks", "Merci {client}.");
        byLanguage.put("fr", broken);

        assertThat(PageWords.problems(SurveyWords.FILES, byLanguage)).containsExactlyInAnyOrder("fr.send: missing",
                "fr.scale.5: missing", "fr.thanks: may only use the placeholders [date, name]");
    }
}
