package io.vigie.regulatory.report;

import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Measure;
import io.vigie.events.Severity;
import io.vigie.regulatory.obligation.ReportKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Words live with their language, and every language has every word: a missing one would fail at filing time. */
class PhrasesTest {

    @Test
    void shouldHaveEveryKeyInEveryLanguage() {
        for (String language : Phrases.LANGUAGES) {
            for (String other : Phrases.LANGUAGES) {
                assertThat(Phrases.in(language).keys()).as(language + " has every key of " + other)
                        .containsAll(Phrases.in(other).keys());
            }
        }
    }

    @Test
    void shouldWordEveryReportElementAndEventCode() {
        List<String> needed = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            needed.add("report." + kind);
            ReportTemplate.of(kind).forEach(element -> needed.add("element." + element.key()));
        }
        for (Measure measure : Measure.values()) {
            needed.add("measure." + measure);
        }
        for (IncidentCategory category : IncidentCategory.values()) {
            needed.add("category." + category);
        }
        for (DataCategory category : DataCategory.values()) {
            needed.add("data." + category);
        }
        for (Severity severity : Severity.values()) {
            needed.add("severity." + severity);
        }
        assertThat(Phrases.in("en").keys()).containsAll(needed);
    }
}
