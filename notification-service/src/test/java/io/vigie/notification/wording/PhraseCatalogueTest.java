package io.vigie.notification.wording;

import io.vigie.events.Measure;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.incident.Category;
import io.vigie.notification.wording.internal.PhraseRows;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue is complete in every language, and an edit that would make it incomplete is refused. */
class PhraseCatalogueTest {

    private static Phrases phrases;

    @BeforeAll
    static void catalogue() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/notification").load().migrate();
        // The constructor refuses to start with a shipped set that misses a key in any language.
        phrases = new Phrases(new PhraseRows(new JdbcTemplate(h2)), Clock.systemUTC());
    }

    @Test
    void shouldHaveEverySetInEveryLanguageWithTheSameKeys() {
        for (String set : Phrases.setNames()) {
            Map<String, Object> english = PhraseBook.leaves(phrases.find(new Phrases.SetKey(set, "en")).orElseThrow());
            for (String language : Languages.supported()) {
                Map<String, Object> translated = PhraseBook.leaves(
                        phrases.find(new Phrases.SetKey(set, language)).orElseThrow());
                assertThat(translated.keySet()).as(set + "/" + language).isEqualTo(english.keySet());
                assertThat(phrases.problems(new Phrases.SetKey(set, language),
                        phrases.find(new Phrases.SetKey(set, language)).orElseThrow())).as(set + "/" + language).isEmpty();
            }
        }
    }

    @Test
    void shouldWordEveryMeasureCodeTheEventsCarryInEveryLanguage() {
        for (String language : Languages.supported()) {
            PhraseBook book = phrases.book(language);
            for (String code : Measure.getClassSchema().getEnumSymbols()) {
                assertThat(book.measure(code)).as(language + " " + code).isNotBlank();
            }
            for (Category category : Category.values()) {
                assertThat(book.advice(category)).as(language + " " + category).isNotEmpty().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void shouldRefuseAnIncompleteSetNamingTheKeyAndLanguageAndKeepTheActiveOne() {
        Phrases.SetKey german = new Phrases.SetKey("DATA_BREACH", "de");
        Map<String, Object> incomplete = new LinkedHashMap<>(phrases.find(german).orElseThrow());
        incomplete.remove("plan");
        incomplete.put("advice", List.of());
        incomplete.put("impact", "Daten {leaked} vielleicht.");

        assertThatThrownBy(() -> phrases.save(german, incomplete, "comms"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.errors()).extracting(error -> error.get("field")).contains(
                            "DATA_BREACH.de.plan", "DATA_BREACH.de.advice", "DATA_BREACH.de.impact");
                    assertThat(refused.errors()).extracting(error -> error.get("message"))
                            .anyMatch(message -> message.startsWith("missing"))
                            .anyMatch(message -> message.contains("{leaked}"));
                });
        assertThat(phrases.book("de").about(Category.DATA_BREACH, "plan")).isNotBlank();
    }

    @Test
    void shouldActivateACompleteEditAndResetToTheShippedSet() {
        Phrases.SetKey french = new Phrases.SetKey("DDOS_OUTAGE", "fr");
        Map<String, Object> edited = new LinkedHashMap<>(phrases.find(french).orElseThrow());
        edited.put("impact", "Le service est ralenti pour vos utilisateurs.");

        phrases.save(french, edited, "comms");
        assertThat(phrases.book("fr").about(Category.DDOS_OUTAGE, "impact"))
                .isEqualTo("Le service est ralenti pour vos utilisateurs.");

        assertThat(phrases.reset(french)).isTrue();
        assertThat(phrases.book("fr").about(Category.DDOS_OUTAGE, "impact"))
                .isNotEqualTo("Le service est ralenti pour vos utilisateurs.");
    }
}
