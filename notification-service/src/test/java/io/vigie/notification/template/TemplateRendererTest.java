package io.vigie.notification.template;

import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.Phrases;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final TemplateKey key = new TemplateKey("DEFAULT", Stage.INITIAL, "en");

    @Test
    void shouldPrintHostileAnalystTextAsInertTextInEveryPart() {
        Map<String, Object> model = new HashMap<>(SampleNotice.model(key, Phrases.shipped("en")));
        model.put("message", "{{supportContact}} <script>alert(1)</script> & \"x\"\r\nBcc: evil@example.com");
        NoticeTemplate template = new NoticeTemplate(key, "Alert: {{message}}", "Message: {{message}}",
                "<p>{{message}}</p>", false);

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
                "{{#measures}}- {{.}}\n{{/measures}}{{^resolved}}open{{/resolved}}{{#eta}} by {{eta}}{{/eta}}",
                "<ul>{{#services}}<li>{{.}}</li>{{/services}}</ul>", false);

        RenderedNotice rendered = renderer.render(template, SampleNotice.model(key, Phrases.shipped("en")));

        assertThat(rendered.text()).startsWith("- The account concerned was locked to stop any further attempt.\n")
                .contains("open").contains("by 15 January 2026");
        assertThat(rendered.html()).isEqualTo("<ul><li>webmail</li></ul>");
    }

    @Test
    void shouldRefuseATemplateWithAnUnknownNameAnUnclosedSectionOrUnescapedOutput() {
        NoticeTemplate template = new NoticeTemplate(key, "{{titel}}", "{{#measures}}open", "{{{message}}}", false);

        assertThat(renderer.problems(template, SampleNotice.model(key, Phrases.shipped("en"))))
                .extracting(problem -> problem.get("field"))
                .containsExactly("subject", "text", "html");
    }

    @Test
    void shouldRefuseAPartialOrAnUnknownSection() {
        NoticeTemplate template = new NoticeTemplate(key, "{{> header}}", "{{#nothing}}x{{/nothing}}",
                "{{& message}}", false);

        assertThat(renderer.problems(template, SampleNotice.model(key, Phrases.shipped("en")))).hasSize(3);
    }

    @Test
    void shouldAcceptAValidTemplate() {
        NoticeTemplate template = new NoticeTemplate(key, "[{{incidentRef}}] {{subjectCategory}}", "{{context}}",
                "<p>{{impact}}</p>", false);

        assertThat(renderer.problems(template, SampleNotice.model(key, Phrases.shipped("en")))).isEmpty();
    }
}
