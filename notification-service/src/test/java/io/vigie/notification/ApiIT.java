package io.vigie.notification;

import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.incident.Category;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiIT extends NotificationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldCreateAndReadAClientWithItsContactsWithoutEverShowingTheWebhookSecret() throws Exception {
        String id = unique("api");
        HttpResponse<String> saved = send("PUT", "/api/clients/" + id, "comms", """
                {"name": "ACME", "minimumSeverity": "HIGH", "channels": ["WEBHOOK", "EMAIL", "SMS"],
                 "outOfBand": false, "webhookUrl": "https://tickets.acme.example/hooks",
                 "webhookSecret": "a-secret-of-more-than-16",
                 "contacts": [{"id": "jm", "name": "Jeanne Martin", "role": "RSSI", "email": "jeanne@acme.example",
                               "phone": "+33 6 12 34 56 78", "language": "fr"}]}""");
        assertThat(saved.statusCode()).isEqualTo(200);

        HttpResponse<String> read = send("GET", "/api/clients/" + id, "comms", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"channels\":[\"WEBHOOK\",\"EMAIL\",\"SMS\"]", "\"webhookSecretSet\":true",
                "\"email\":\"jeanne@acme.example\"", "\"phone\":\"+33 6 12 34 56 78\"", "\"minimumSeverity\":\"HIGH\"")
                .doesNotContain("a-secret");

        // A viewer reads the directory, but not how to reach the client's people: masked, as in the deliveries.
        for (String path : List.of("/api/clients/" + id, "/api/clients")) {
            HttpResponse<String> viewed = send("GET", path, "viewer", null);
            assertThat(viewed.statusCode()).isEqualTo(200);
            assertThat(viewed.body()).contains("\"email\":\"j***@acme.example\"", "\"phone\":\"+33*******78\"")
                    .doesNotContain("jeanne@acme.example", "12 34 56", "a-secret");
        }
        assertThat(send("GET", "/api/clients/" + id, null, null).statusCode()).as("anonymous").isEqualTo(401);

        // replacing it without the secret keeps the stored one
        HttpResponse<String> replaced = send("PUT", "/api/clients/" + id, "comms", """
                {"name": "ACME SA", "minimumSeverity": "LOW", "channels": ["WEBHOOK"],
                 "webhookUrl": "https://tickets.acme.example/hooks",
                 "contacts": [{"id": "jm", "name": "Jeanne Martin", "email": "jeanne@acme.example", "language": "fr"}]}""");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(directory.find(id).orElseThrow().webhook().secret()).isEqualTo("a-secret-of-more-than-16");

        // the directory API is timed (@Timed through AspectJ), as the README's metrics table says
        assertThat(send("GET", "/actuator/prometheus", "viewer", null).body())
                .contains("vigie_notification_api_clients_seconds_count");
    }

    @Test
    void shouldAnswerEveryInvalidFieldAsProblemJsonAndStoreNothing() throws Exception {
        String id = unique("invalid");
        HttpResponse<String> response = send("PUT", "/api/clients/" + id, "comms", """
                {"name": "", "minimumSeverity": "URGENT", "channels": ["EMAIL", "FAX"], "timeZone": "Mars/Olympus",
                 "contract": {"supportHours": "always", "offers": ["FREE_LUNCH", "SUPPORT_LINE"],
                              "updateEvery": {"HIGH": "1s"}},
                 "channelsBySeverity": {"URGENT": ["EMAIL"], "HIGH": ["EMAIL", "WEBHOOK"]},
                 "reviewGate": [{"severities": ["URGENT"], "categories": ["DATA_BREACH"], "hold": "2d"}],
                 "contacts": [{"id": "a", "name": "A", "email": "not-an-email", "language": "it"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"name\"", "\"field\":\"minimumSeverity\"",
                "\"field\":\"channels\"", "\"field\":\"contacts[0].email\"", "\"field\":\"contacts[0].language\"",
                "\"field\":\"timeZone\"", "\"field\":\"contract.supportHours\"", "\"field\":\"contract.offers[0]\"",
                "\"field\":\"contract.supportLine\"", "\"field\":\"contract.updateEvery.HIGH\"",
                "\"field\":\"channelsBySeverity.URGENT\"", "\"field\":\"channelsBySeverity.HIGH\"",
                "\"field\":\"reviewGate[0].severities\"", "\"field\":\"reviewGate[0].hold\"");
        assertThat(directory.find(id)).isEmpty();
        assertThat(send("PUT", "/api/clients/" + id, "comms", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAWebhookUrlThatIsNotAllowListedOrPointsInsideAtRegistration() throws Exception {
        String id = unique("hook");
        String client = """
                {"name": "ACME", "minimumSeverity": "HIGH", "channels": ["WEBHOOK"], "webhookUrl": "%s",
                 "webhookSecret": "a-secret-of-more-than-16",
                 "contacts": [{"id": "jm", "name": "Jeanne Martin", "email": "jeanne@acme.example", "language": "fr"}]}""";

        HttpResponse<String> elsewhere = send("PUT", "/api/clients/" + id, "comms",
                client.formatted("https://tickets.evil.example/hooks"));
        HttpResponse<String> metadata = send("PUT", "/api/clients/" + id, "comms",
                client.formatted("http://169.254.169.254/latest/meta-data/"));
        HttpResponse<String> decimal = send("PUT", "/api/clients/" + id, "comms",
                client.formatted("http://2130706433/hooks"));

        assertThat(List.of(elsewhere, metadata, decimal)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"webhookUrl\"");
        });
        assertThat(elsewhere.body()).contains("not in vigie.notification.webhook.allowed-hosts");
        assertThat(metadata.body()).contains("169.254.169.254 is a loopback, private, link-local or reserved address");
        assertThat(decimal.body()).contains("a number in a form other than a.b.c.d");
        assertThat(directory.find(id)).isEmpty();
    }

    @Test
    void shouldImportAllClientsOrNone() throws Exception {
        String first = unique("import");
        String second = unique("import");
        String contacts = "\"contacts\": [{\"id\": \"c\", \"name\": \"C\", \"email\": \"c@x.example\", \"language\": \"en\"}]";

        HttpResponse<String> refused = send("POST", "/api/clients/import", "comms", "[{\"id\": \"" + first
                + "\", \"name\": \"One\", \"minimumSeverity\": \"LOW\", \"channels\": [\"EMAIL\"], " + contacts + "},"
                + "{\"id\": \"" + second + "\", \"name\": \"Two\", \"minimumSeverity\": \"LOW\", \"channels\": [\"EMAIL\"]}]");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"[1].contacts\"");
        assertThat(directory.find(first)).isEmpty();

        HttpResponse<String> imported = send("POST", "/api/clients/import", "comms", "[{\"id\": \"" + first
                + "\", \"name\": \"One\", \"minimumSeverity\": \"LOW\", \"channels\": [\"EMAIL\"], " + contacts + "},"
                + "{\"id\": \"" + second + "\", \"name\": \"Two\", \"minimumSeverity\": \"LOW\", \"channels\": [\"EMAIL\"], "
                + contacts + "}]");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":2");
        assertThat(directory.find(second)).isPresent();
    }

    @Test
    void shouldLetOnlyCommunicationsAndManagersChangeTheDirectoryAndTemplates() throws Exception {
        String body = "{\"name\": \"X\", \"minimumSeverity\": \"LOW\", \"channels\": [\"EMAIL\"], \"contacts\": []}";
        HttpResponse<String> viewer = send("PUT", "/api/clients/" + unique("forbidden"), "viewer", body);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send("PUT", "/api/templates/DEFAULT/INITIAL/en", "viewer",
                "{\"subject\": \"s\", \"text\": \"t\", \"html\": \"h\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/clients", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldActivateOnlyACompletePhraseSetAndLetOnlyWritersEditIt() throws Exception {
        String current = send("GET", "/api/phrases/DATA_BREACH/de", "viewer", null).body();
        assertThat(current).contains("\"plan\"", "\"offers\"");
        assertThat(send("PUT", "/api/phrases/DATA_BREACH/de", "viewer", current).statusCode()).isEqualTo(403);

        HttpResponse<String> refused = send("PUT", "/api/phrases/DATA_BREACH/de", "comms", """
                {"context": "Daten.", "impact": "Daten.", "advice": ["Ruhe bewahren."], "offers": {}}""");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"field\":\"DATA_BREACH.de.plan\"",
                "\"field\":\"DATA_BREACH.de.offers.IDENTITY_MONITORING\"", "missing");
        assertThat(send("GET", "/api/phrases/DATA_BREACH/de", "viewer", null).body()).isEqualTo(current);
        assertThat(send("PUT", "/api/phrases/DATA_BREACH/it", "comms", current).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseATemplateThatCannotRenderAndKeepTheOneInEffect() throws Exception {
        HttpResponse<String> refused = send("PUT", "/api/templates/DEFAULT/INITIAL/en", "comms", """
                {"subject": "{{titel}}", "text": "{{#measures}}unclosed", "html": "{{{title}}}"}""");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"subject\"", "\"field\":\"text\"", "\"field\":\"html\"",
                "titel");
        HttpResponse<String> current = send("GET", "/api/templates/DEFAULT/INITIAL/en", "viewer", null);
        assertThat(current.body()).contains("\"builtIn\":true", "Security incident {{incidentRef}}");
        assertThat(send("PUT", "/api/templates/NOPE/INITIAL/xx", "comms",
                "{\"subject\": \"s\", \"text\": \"t\", \"html\": \"h\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldPreviewThenUseAnEditedTemplateUntilItIsReset() throws Exception {
        String template = """
                {"subject": "Vulnerability notice: {{subjectCategory}}", "text": "Edited: {{context}} {{ackUrl}}",
                 "html": "<p>Edited: {{context}}</p>"}""";
        HttpResponse<String> preview = send("POST", "/api/templates/VULNERABILITY/INITIAL/en/preview", "comms",
                template);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("\"subject\":\"Vulnerability notice: security vulnerability");

        assertThat(send("PUT", "/api/templates/VULNERABILITY/INITIAL/en", "comms", template).statusCode())
                .isEqualTo(200);
        try {
            String clientId = unique("edited");
            client(clientId, io.vigie.notification.incident.Severity.LOW,
                    List.of(io.vigie.notification.directory.Channel.EMAIL), false,
                    contact(clientId, "vic", "en", false));
            UUID incidentId = UUID.randomUUID();
            publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                    opened(incidentId, IncidentCategory.VULNERABILITY, clientId).build());

            MimeMessage mail = awaitMails("vic@" + clientId + ".test", 1).get(0);
            assertThat(mail.getSubject()).isEqualTo("Vulnerability notice: security vulnerability");
            assertThat(parts(mail)[0]).startsWith("Edited: A security vulnerability that attackers are known");
            assertThat(awaitClientNotified(incidentId, all -> !all.isEmpty()))
                    .extracting(ClientNotified::getTemplateId).containsExactly("INITIAL/VULNERABILITY/en");
        } finally {
            assertThat(send("DELETE", "/api/templates/VULNERABILITY/INITIAL/en", "comms", null).statusCode())
                    .isEqualTo(204);
        }
        // reset, the category has no template of its own again: it gets DEFAULT's, and says so
        HttpResponse<String> inherited = send("GET", "/api/templates/VULNERABILITY/INITIAL/en", "viewer", null);
        assertThat(inherited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(inherited.body()).get("inheritedFrom").asString()).isEqualTo("DEFAULT");
    }

    @Test
    void shouldAnswerTheDefaultTemplateInEffectForACategoryWithoutItsOwnAndSaySo() throws Exception {
        JsonNode shipped = JSON.readTree(send("GET", "/api/templates/DEFAULT/ANSWER/de", "viewer", null).body());
        assertThat(shipped.get("inheritedFrom").isNull()).isTrue();
        assertThat(shipped.get("usedFor").valueStream().map(JsonNode::asString))
                .containsExactly(Arrays.stream(Category.values()).map(Category::name).toArray(String[]::new));

        HttpResponse<String> inherited = send("GET", "/api/templates/PHISHING/ANSWER/de", "viewer", null);
        assertThat(inherited.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(inherited.body());
        assertThat(view.get("id").asString()).isEqualTo("ANSWER/DEFAULT/de");
        assertThat(view.get("category").asString()).isEqualTo("PHISHING");
        assertThat(view.get("inheritedFrom").asString()).isEqualTo("DEFAULT");
        assertThat(view.get("builtIn").asBoolean()).isTrue();
        assertThat(view.get("subject").asString()).isEqualTo(shipped.get("subject").asString())
                .startsWith("Antwort: Sicherheitsvorfall");

        String edited = """
                {"subject": "Antwort (bearbeitet): {{incidentRef}}", "text": "{{contactName}} {{ackUrl}}",
                 "html": "<p>{{contactName}}</p>"}""";
        assertThat(send("PUT", "/api/templates/DEFAULT/ANSWER/de", "comms", edited).statusCode()).isEqualTo(200);
        try {
            JsonNode editedDefault = JSON.readTree(
                    send("GET", "/api/templates/PHISHING/ANSWER/de", "viewer", null).body());
            assertThat(editedDefault.get("inheritedFrom").asString()).isEqualTo("DEFAULT");
            assertThat(editedDefault.get("builtIn").asBoolean()).isFalse();
            assertThat(editedDefault.get("subject").asString()).isEqualTo("Antwort (bearbeitet): {{incidentRef}}");
        } finally {
            assertThat(send("DELETE", "/api/templates/DEFAULT/ANSWER/de", "comms", null).statusCode())
                    .isEqualTo(204);
        }

        assertThat(send("PUT", "/api/templates/PHISHING/ANSWER/de", "comms", edited).statusCode()).isEqualTo(200);
        try {
            JsonNode own = JSON.readTree(send("GET", "/api/templates/PHISHING/ANSWER/de", "viewer", null).body());
            assertThat(own.get("id").asString()).isEqualTo("ANSWER/PHISHING/de");
            assertThat(own.get("inheritedFrom").isNull()).isTrue();

            // the list says, per template, which categories it is used for
            JsonNode list = JSON.readTree(send("GET", "/api/templates", "viewer", null).body());
            assertThat(usedFor(list, "ANSWER/PHISHING/de")).containsExactly("PHISHING");
            assertThat(usedFor(list, "ANSWER/DEFAULT/de")).contains("MALWARE").doesNotContain("PHISHING");
            assertThat(usedFor(list, "ANSWER/DEFAULT/fr")).contains("MALWARE", "PHISHING");
        } finally {
            assertThat(send("DELETE", "/api/templates/PHISHING/ANSWER/de", "comms", null).statusCode())
                    .isEqualTo(204);
        }
    }

    @Test
    void shouldNameEachUnknownPartOfATemplatePathWithTheValuesAllowed() throws Exception {
        HttpResponse<String> refused = send("GET", "/api/templates/NOPE/LATER/it", "viewer", null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.valueStream().map(error -> error.get("field").asString()))
                .containsExactly("category", "stage", "language");
        assertThat(allowed(errors, "category")).contains("DEFAULT", "MALWARE", "PHISHING");
        assertThat(allowed(errors, "stage")).containsExactly("INITIAL", "UPDATE", "RESOLUTION", "FOLLOW_UP",
                "ANSWER");
        assertThat(allowed(errors, "language")).contains("fr", "en", "de").doesNotContain("it");
        assertThat(errors.get(1).get("message").asString()).contains("ANSWER");

        HttpResponse<String> language = send("GET", "/api/templates/MALWARE/UPDATE/it", "viewer", null);
        assertThat(language.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(language.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("language");
    }

    private static List<String> usedFor(JsonNode list, String id) {
        return list.valueStream().filter(template -> template.get("id").asString().equals(id)).findFirst()
                .orElseThrow().get("usedFor").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> allowed(JsonNode errors, String field) {
        return errors.valueStream().filter(error -> error.get("field").asString().equals(field)).findFirst()
                .orElseThrow().get("allowed").valueStream().map(JsonNode::asString).toList();
    }
}
