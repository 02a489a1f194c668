package io.vigie.notification.wording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void shouldTakeTheBrowsersFirstLanguageAmongOursElseEnglish() {
        assertThat(Languages.preferredBy("de-DE,de;q=0.9,en;q=0.8")).isEqualTo("de");
        assertThat(Languages.preferredBy("es-ES,fr;q=0.7,en;q=0.5")).isEqualTo("fr");
        assertThat(Languages.preferredBy("es-ES,it;q=0.5")).isEqualTo("en");
        assertThat(Languages.preferredBy("not a language header;;q=x")).isEqualTo("en");
        assertThat(Languages.preferredBy(null)).isEqualTo("en");
    }
}
