package io.vigie.notification.template;

import io.vigie.notification.wording.Phrases;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped notice gives its contact the status page link, in the text and the HTML part. */
class StatusLinkTemplatesTest {

    private static final String LINK = "https://vigie.example/status?t=sample";

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void shouldGiveTheStatusPageLinkInEveryShippedNotice() throws Exception {
        for (NoticeTemplate template : defaults()) {
            RenderedNotice rendered = renderer.render(template,
                    SampleNotice.model(template.key(), Phrases.shipped(template.key().language())));

            assertThat(rendered.text()).as(template.key().id()).contains(LINK);
            assertThat(HtmlUtils.htmlUnescape(rendered.html())).as(template.key().id())
                    .contains("href=\"" + LINK + "\"");
        }
    }

    @Test
    void shouldLeaveTheLineOutForAReaderWithoutAStatusPage() throws Exception {
        for (NoticeTemplate template : defaults()) {
            RenderedNotice rendered = renderer.render(template,
                    SampleNotice.minimal(template.key(), Phrases.shipped(template.key().language())));

            assertThat(rendered.text() + rendered.html()).as(template.key().id())
                    .doesNotContain("status page", "page de suivi", "Statusseite");
        }
    }

    private static List<NoticeTemplate> defaults() throws Exception {
        List<NoticeTemplate> templates = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:notification/templates/*.mustache")) {
            String[] name = resource.getFilename().split("\\.");
            templates.add(NoticeTemplate.parse(new TemplateKey(name[1],
                    io.vigie.notification.notice.Stage.valueOf(name[0]), name[2]),
                    resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        return templates;
    }
}
