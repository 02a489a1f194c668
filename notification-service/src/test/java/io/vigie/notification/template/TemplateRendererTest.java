package io.vigie.notification.template;

import io.vigie.notification.notice.Stage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final TemplateKey key = new TemplateKey("DEFAULT", Stage.INITIAL, "en");

    @Test
    void shouldPrintAHostileTitleAsInertTextInEveryPart() {
        Map<String, Object> model = new HashMap<>(SampleNotice.model(key));
        model.put("title", "{{supportContact}} <script>alert(1)</script> & \"x\"\r\nBcc: evil@example.com");
        NoticeTemplate template = new NoticeTemplate(key, "Alert: {{title}}", "Title: {{title}}",
                "<p>{{title}}</p>", false);

        RenderedNotice rendered = renderer.render(template, model);

        assertThat(rendered.subject()).isEqualTo(
                "Alert: {{supportContact}} <script>alert(1)</script> & \"x\" Bcc: evil@example.com");
        assertThat(rendered.text()).contains("{{supportContact}} <script>alert(1)</script>")
                .doesNotContain("SOC Vigie");
        assertThat(rendered.html()).contains("{{supportContact}} &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
                .doesNotContain("<script>").doesNotContain("SOC Vigie");
    }

    @Test
    void shouldRenderListsAndBooleans() {
        NoticeTemplate template = new NoticeTemplate(key, "s",
                "{{#measures}}- {{.}}\n{{/measures}}{{^dataCompromised}}no data{{/dataCompromised}}{{#eta}}by {{eta}}{{/eta}}",
                "<ul>{{#services}}<li>{{.}}</li>{{/services}}</ul>", false);

        RenderedNotice rendered = renderer.render(template, SampleNotice.model(key));

        assertThat(rendered.text()).startsWith("- Account locked\n").contains("no data").contains("by 15 Jan 2026");
        assertThat(rendered.html()).isEqualTo("<ul><li>messagerie</li></ul>");
    }

    @Test
    void shouldRefuseATemplateWithAnUnknownNameAnUnclosedSectionOrUnescapedOutput() {
        NoticeTemplate template = new NoticeTemplate(key, "{{titel}}", "{{#measures}}open", "{{{title}}}", false);

        assertThat(renderer.problems(template, SampleNotice.model(key)))
                .extracting(problem -> problem.get("field"))
                .containsExactly("subject", "text", "html");
    }

    @Test
    void shouldRefuseAPartialOrAnUnknownSection() {
        NoticeTemplate template = new NoticeTemplate(key, "{{> header}}", "{{#nothing}}x{{/nothing}}",
                "{{& title}}", false);

        assertThat(renderer.problems(template, SampleNotice.model(key))).hasSize(3);
    }

    @Test
    void shouldAcceptAValidTemplate() {
        NoticeTemplate template = new NoticeTemplate(key, "[{{incidentRef}}] {{title}}", "{{context}}",
                "<p>{{impact}}</p>", false);

        assertThat(renderer.problems(template, SampleNotice.model(key))).isEmpty();
    }
}
