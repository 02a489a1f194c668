package io.vigie.notification.template;

import io.vigie.notification.notice.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultTemplatesTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void shouldShipADefaultForEveryStageAndLanguageAndTheRunbookCases() throws Exception {
        List<String> ids = defaults().stream().map(t -> t.key().id()).toList();

        for (Stage stage : Stage.values()) {
            assertThat(ids).contains(stage + "/DEFAULT/fr", stage + "/DEFAULT/en");
        }
        for (String runbookCase : List.of("ACCOUNT_COMPROMISE", "DATA_BREACH", "DDOS_OUTAGE")) {
            assertThat(ids).contains("INITIAL/" + runbookCase + "/fr", "INITIAL/" + runbookCase + "/en");
        }
    }

    @Test
    void shouldRenderEveryDefaultWithoutProblemsAndWithoutLeftoverTags() throws Exception {
        for (NoticeTemplate template : defaults()) {
            Map<String, Object> sample = SampleNotice.model(template.key());

            assertThat(renderer.problems(template, sample)).as(template.key().id()).isEmpty();
            RenderedNotice rendered = renderer.render(template, sample);
            assertThat(rendered.subject() + rendered.text() + rendered.html()).as(template.key().id())
                    .doesNotContain("{{").contains("3F2C8A10");
        }
    }

    @Test
    void shouldPutEverySectionOfTheRunbookInEveryInitialNotice() throws Exception {
        for (NoticeTemplate template : defaults()) {
            if (template.key().stage() != Stage.INITIAL) {
                continue;
            }
            boolean french = template.key().language().equals("fr");
            RenderedNotice rendered = renderer.render(template, SampleNotice.model(template.key()));
            for (String part : List.of(rendered.text(), rendered.html())) {
                assertThat(part).as(template.key().id()).contains(
                        french ? "Des tentatives de connexion" : "Repeated login attempts",
                        french ? "Le compte concerné est verrouillé" : "The account is locked",
                        french ? "Compte verrouillé" : "Account locked",
                        french ? "Réinitialiser le mot de passe" : "Reset the password",
                        french ? "15 janv. 2026" : "15 Jan 2026",
                        french ? "Changez vos mots de passe" : "Change your passwords",
                        "SOC Vigie, soc@vigie.example", "4 h", "https://vigie.example/ack?t");
            }
        }
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
