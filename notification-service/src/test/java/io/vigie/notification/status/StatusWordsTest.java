package io.vigie.notification.status;

import io.vigie.notification.notice.Stage;
import io.vigie.notification.status.internal.ClientIncidents;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The status page's words: one for every stage and status in every language, and the language of unreadable links. */
class StatusWordsTest {

    @Test
    void shouldWordEveryStageAndStatusInEveryLanguage() {
        for (String language : Languages.supported()) {
            PhraseBook book = Phrases.shipped(language);
            for (Stage stage : Stage.values()) {
                assertThat(book.common("statusPage.stage." + stage)).as(language + " " + stage).isNotBlank();
            }
            for (ClientIncidents.State state : ClientIncidents.State.values()) {
                assertThat(book.common("statusPage.state." + state)).as(language + " " + state).isNotBlank();
            }
            for (String reason : new String[]{"invalid", "expired", "revoked", "notFound"}) {
                String text = book.common("statusPage." + reason + ".text", Map.of("date", "", "supportContact", ""));
                assertThat(LanguageCheck.foreignWords(text, language)).as(language + " " + reason).isEmpty();
            }
        }
    }

    @Test
    void shouldTakeTheBrowsersLanguageForALinkItCannotRead() {
        assertThat(StatusPageController.language("de-AT,de;q=0.9,en;q=0.8")).isEqualTo("de");
        assertThat(StatusPageController.language("es-ES,fr;q=0.7")).isEqualTo("fr");
        assertThat(StatusPageController.language("es-ES")).isEqualTo("en");
        assertThat(StatusPageController.language(null)).isEqualTo("en");
        assertThat(StatusPageController.language("not a ; language list ,,;q=x")).isEqualTo("en");
    }
}
