package io.vigie.notification.notice;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices keep their content as JSON in {@code notice.content}: rows written before it was grouped read the same. */
class NoticeContentJsonTest {

    // As NoticeContent wrote it when it was one flat record of fifteen fields.
    private static final String FULL =
            "{\"category\":\"MALWARE\",\"subjectCategory\":\"PHISHING\",\"severity\":\"HIGH\",\"detectedAt\":\"2026-03"
            + "-01T10:00:00Z\",\"services\":[\"webmail\"],\"dataCategories\":[\"PERSONAL\"],\"personalData\":true,\"m"
            + "easures\":[\"ISOLATED\"],\"estimatedResolutionAt\":\"2026-03-01T18:00:00Z\",\"changes\":{\"previousS"
            + "everity\":\"MEDIUM\",\"previousCategory\":\"OTHER\",\"newServices\":[\"vpn\"],\"newDataCategories\":[\"H"
            + "EALTH\"],\"newEstimate\":true,\"newMeasures\":[\"RESET\"],\"empty\":false},\"messages\":{\"fr\":\"Bonjou"
            + "r\"},\"dataCompromised\":true,\"questions\":{\"en\":\"Agree?\"},\"scheduled\":true,\"answer\":{\"message"
            + "Id\":\"3f2c8a10-0000-4000-8000-0000000000a1\",\"contactId\":\"jm\",\"askedAt\":\"2026-03-01T11:00:00"
            + "Z\",\"question\":\"Why?\",\"repliesTo\":\"<a@b>\",\"nextUpdateAt\":\"2026-03-01T12:00:00Z\"}}";
    private static final String LEAST =
            "{\"category\":\"OTHER\",\"subjectCategory\":\"OTHER\",\"severity\":\"LOW\",\"detectedAt\":null,\"services"
            + "\":[],\"dataCategories\":[],\"personalData\":false,\"measures\":[],\"estimatedResolutionAt\":null,\""
            + "changes\":{\"previousSeverity\":null,\"previousCategory\":null,\"newServices\":[],\"newDataCategor"
            + "ies\":[],\"newEstimate\":false,\"newMeasures\":[],\"empty\":true},\"messages\":{},\"dataCompromised\""
            + ":null,\"questions\":{},\"scheduled\":false,\"answer\":null}";

    @Test
    void shouldReadAndWriteTheFlatShapeOfTheStoredRows() {
        NoticeContent full = Json.read(FULL, NoticeContent.class);

        assertThat(full.facts().category()).isEqualTo(Category.MALWARE);
        assertThat(full.subjectCategory()).isEqualTo(Category.PHISHING);
        assertThat(full.facts().severity()).isEqualTo(Severity.HIGH);
        assertThat(full.facts().services()).containsExactly("webmail");
        assertThat(full.facts().measures()).containsExactly("ISOLATED");
        assertThat(full.changes().newMeasures()).containsExactly("RESET");
        assertThat(full.words().messages()).containsEntry("fr", "Bonjour");
        assertThat(full.words().questions()).containsEntry("en", "Agree?");
        assertThat(full.dataCompromised()).isTrue();
        assertThat(full.scheduled()).isTrue();
        assertThat(full.answer().contactId()).isEqualTo("jm");
        assertThat(tree(Json.write(full))).isEqualTo(tree(FULL));
        assertThat(tree(Json.write(Json.read(LEAST, NoticeContent.class)))).isEqualTo(tree(LEAST));
        assertThat(tree(Json.write(new IncidentFacts(Category.OTHER, Severity.LOW, null, false, null, null, null)
                .forClient(AffectedClient.unknown("acme", false))))).isEqualTo(tree(LEAST));
        assertThat(Json.read(LEAST, NoticeContent.class).facts().dataCategories()).isEqualTo(List.of());
    }

    /** The same fields and values, in whatever order. */
    private static JsonNode tree(String json) {
        return JsonMapper.builder().build().readTree(json);
    }
}
