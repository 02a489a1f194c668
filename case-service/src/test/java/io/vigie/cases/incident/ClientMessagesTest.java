package io.vigie.cases.incident;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientMessagesTest {

    @Test
    void shouldKeepTheNonBlankTextsInTheLanguagesOrder() {
        Map<String, String> byCode = new LinkedHashMap<>();
        byCode.put("de", " Gesperrt. ");
        byCode.put("en", "   ");
        byCode.put("fr", "Bloqué.");

        ClientMessages messages = ClientMessages.of("clientMessages", byCode);

        assertThat(messages.languages()).containsExactly(Language.FR, Language.DE);
        assertThat(messages.byCode()).containsExactly(Map.entry("fr", "Bloqué."), Map.entry("de", "Gesperrt."));
        assertThat(messages.codes()).isEqualTo("fr, de");
        assertThat(messages.tagged()).isEqualTo("[fr] Bloqué.\n[de] Gesperrt.");
    }

    @Test
    void shouldRefuseALanguageVigieDoesNotWriteInNamingTheField() {
        assertThatThrownBy(() -> ClientMessages.of("clientMessages", Map.of("fr", "Bloqué.", "es", "Bloqueado.")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("clientMessages.es");
                    assertThat(e.allowed()).containsExactly("fr", "en", "de");
                });
        assertThatThrownBy(() -> ClientMessages.of("clientMessages", Map.of("FR", "Bloqué.")))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("clientMessages.FR"));
        assertThatThrownBy(() -> ClientMessages.of("clientMessages", Map.of("x".repeat(500) + "\u0000", "?")))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("clientMessages." + "x".repeat(16) + "…"));
    }

    @Test
    void shouldRefuseATextTooLongForANotice() {
        assertThatThrownBy(() -> ClientMessages.of("clientMessages", Map.of("en", "x".repeat(10_001))))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("clientMessages.en"));
    }

    @Test
    void shouldTakeTheOlderSingleMessageInItsLanguage() {
        assertThat(ClientMessages.single("messageLanguage", "de", "Gesperrt.").byCode())
                .containsExactly(Map.entry("de", "Gesperrt."));
        assertThat(ClientMessages.single("messageLanguage", "de", " ").isEmpty()).isTrue();
        assertThatThrownBy(() -> ClientMessages.single("messageLanguage", "english", "Blocked."))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("messageLanguage"));
    }
}
