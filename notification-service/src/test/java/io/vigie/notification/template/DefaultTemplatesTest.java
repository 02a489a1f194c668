package io.vigie.notification.template;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped templates, rendered with the shipped phrase catalogue in every language. */
class DefaultTemplatesTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void shouldShipADefaultForEveryStageInEveryLanguage() throws Exception {
        List<String> ids = defaults().stream().map(t -> t.key().id()).toList();

        assertThat(Languages.supported()).contains("fr", "en", "de");
        for (Stage stage : Stage.values()) {
            for (String language : Languages.supported()) {
                assertThat(ids).contains(stage + "/DEFAULT/" + language);
            }
        }
    }

    @Test
    void shouldRenderEveryDefaultInItsLanguageOnlyWithoutLeftoverTags() throws Exception {
        for (NoticeTemplate template : defaults()) {
            String language = template.key().language();
            Map<String, Object> sample = SampleNotice.model(template.key(), Phrases.shipped(language));

            assertThat(renderer.problems(template, sample)).as(template.key().id()).isEmpty();
            RenderedNotice rendered = renderer.render(template, sample);
            String all = rendered.subject() + "\n" + rendered.text() + "\n" + rendered.html();
            assertThat(all).as(template.key().id()).doesNotContain("{{").contains("3F2C8A10");
            assertThat(LanguageCheck.foreignWords(all, language)).as(template.key().id()).isEmpty();
            assertThat(rendered.text()).as(template.key().id() + ": one blank line between sections")
                    .doesNotContain("\n\n\n");
        }
    }

    @Test
    void shouldLayOutANoticeWithLittleToSayAsCleanlyAsAFullOne() throws Exception {
        for (NoticeTemplate template : defaults()) {
            Map<String, Object> minimal = SampleNotice.minimal(template.key(),
                    Phrases.shipped(template.key().language()));

            assertThat(renderer.problems(template, minimal)).as(template.key().id()).isEmpty();
            String text = renderer.render(template, minimal).text();
            assertThat(text).as(template.key().id()).doesNotContain("\n\n\n").doesNotContain("{{");
            assertThat(text.strip().split("\n\n")).as(template.key().id() + ": no empty section")
                    .allSatisfy(paragraph -> assertThat(paragraph.strip()).isNotEmpty());
        }
    }

    @Test
    void shouldKeepOneSubjectPerIncidentWhateverTheStage() throws Exception {
        for (String language : Languages.supported()) {
            PhraseBook book = Phrases.shipped(language);
            String initial = render(Stage.INITIAL, language, book).subject();
            for (Stage later : List.of(Stage.UPDATE, Stage.RESOLUTION, Stage.FOLLOW_UP, Stage.ANSWER)) {
                assertThat(render(later, language, book).subject()).as(later + "/" + language).endsWith(initial);
            }
        }
    }

    @Test
    void shouldSayWhatHappenedWhatWasDoneWhatComesNextAndWhatToDoInEveryInitialNotice() throws Exception {
        for (String language : Languages.supported()) {
            PhraseBook book = Phrases.shipped(language);
            RenderedNotice rendered = render(Stage.INITIAL, language, book);
            for (String part : List.of(rendered.text(), rendered.html().replace("&#39;", "'"))) {
                assertThat(part).as(language).contains(
                        book.about(Category.DATA_BREACH, "context"),
                        book.about(Category.DATA_BREACH, "impact"),
                        book.about(Category.DATA_BREACH, "plan"),
                        book.measure("ACCOUNT_LOCKED"),
                        "+33 1 23 45 67 89",
                        "SOC Vigie, soc@vigie.example", "4 h", "https://vigie.example/ack?t");
            }
            for (String advice : book.advice(Category.DATA_BREACH)) {
                assertThat(rendered.text()).as(language).containsOnlyOnce(advice);
            }
            assertThat(rendered.text()).as(language).contains(book.category(Category.DATA_BREACH),
                    book.dateTime(Instant.parse("2026-01-15T16:00:00Z"), ZoneId.of("Europe/Paris")));
        }
    }

    @Test
    void shouldSayWhatChangedInAnUpdate() throws Exception {
        for (String language : Languages.supported()) {
            PhraseBook book = Phrases.shipped(language);
            RenderedNotice rendered = render(Stage.UPDATE, language, book);

            assertThat(rendered.text()).as(language)
                    .contains(book.common("change.severityRaised", Map.of("previousSeverity",
                            book.severity(Severity.HIGH), "severity",
                            book.severity(Severity.CRITICAL))))
                    .containsOnlyOnce(book.measure("EVIDENCE_SECURED"))
                    .contains(book.measure("ACCOUNT_LOCKED"))
                    .contains(book.common("change.newServices", Map.of("services", "webmail")));
        }
    }

    @Test
    void shouldQuoteTheContactsQuestionAndGiveTheAnswerAndWhatComesNext() throws Exception {
        for (String language : Languages.supported()) {
            PhraseBook book = Phrases.shipped(language);
            RenderedNotice rendered = render(Stage.ANSWER, language, book);
            Map<String, Object> sample = SampleNotice.model(new TemplateKey("DEFAULT", Stage.ANSWER, language), book);

            assertThat(rendered.text()).as(language)
                    .contains(book.dateTime(Instant.parse("2026-01-15T09:30:00Z"), ZoneId.of("Europe/Paris")))
                    .contains(book.dateTime(Instant.parse("2026-01-15T20:00:00Z"), ZoneId.of("Europe/Paris")))
                    .contains((String) sample.get("message"), "https://vigie.example/question?t=sample",
                            "https://vigie.example/ack?t");
            for (Object line : (List<?>) sample.get("question")) {
                assertThat(rendered.text()).as(language).contains("> " + line + "\n");
            }
            assertThat(rendered.brief()).as(language + ": a text message carries the answer")
                    .isEqualTo(sample.get("message"));
        }
    }

    @Test
    void shouldOfferTheQuestionLinkInEveryNoticeAContactReads() throws Exception {
        for (NoticeTemplate template : defaults()) {
            Map<String, Object> sample = SampleNotice.model(template.key(),
                    Phrases.shipped(template.key().language()));
            RenderedNotice rendered = renderer.render(template, sample);

            assertThat(rendered.text()).as(template.key().id()).contains("https://vigie.example/question?t=sample");
            // (the HTML escaper writes '=' as &#x3D;)
            assertThat(rendered.html()).as(template.key().id())
                    .contains("<a href=\"https://vigie.example/question?t&#x3D;sample\">");
        }
    }

    private RenderedNotice render(Stage stage, String language, PhraseBook book) throws Exception {
        NoticeTemplate template = defaults().stream()
                .filter(t -> t.key().stage() == stage && t.key().language().equals(language)).findFirst().orElseThrow();
        return renderer.render(template, SampleNotice.model(template.key(), book));
    }

    private static List<NoticeTemplate> defaults() throws Exception {
        List<NoticeTemplate> templates = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:notification/templates/*.mustache")) {
            String[] name = resource.getFilename().split("\\.");
            TemplateKey key = new TemplateKey(name[1], Stage.valueOf(name[0]), name[2]);
            templates.add(NoticeTemplate.parse(key, resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        return templates;
    }
}
