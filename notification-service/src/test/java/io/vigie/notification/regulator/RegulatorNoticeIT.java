package io.vigie.notification.regulator;

import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.Severity;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RegulatorNoticeIT extends NotificationIntegrationTest {

    @Test
    void shouldPrepareTheArticle33NoticeThenRecordItsSubmissionAndTheArticle34Decision() throws Exception {
        String clientId = unique("gdpr");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "dora", "fr", false));
        UUID incidentId = UUID.randomUUID();
        Instant deadline = Instant.now().plus(72, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        // a breach of personal data: the draft is prepared with the notices
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, IncidentCategory.DATA_BREACH,
                clientId).setTitle("Customer database exposed").setPersonalDataInvolved(true)
                .setDataCategories(List.of(DataCategory.PERSONAL, DataCategory.FINANCIAL)).setGdprDeadline(deadline)
                .build());
        await().atMost(PATIENCE).until(() -> send("GET", "/api/regulator-notices/" + incidentId, "viewer", null)
                .statusCode() == 200);
        String draft = send("GET", "/api/regulator-notices/" + incidentId, "viewer", null).body();
        assertThat(draft).contains("\"nature\":\"Customer database exposed. Reported by splunk-demo (SPLUNK) Data may have been read",
                "\"dataCategories\":[\"PERSONAL\",\"FINANCIAL\"]", "\"clientIds\":[\"" + clientId + "\"]",
                "\"dpoContact\":\"Data protection officer", "\"measures\":\"The account concerned was locked to stop any further attempt.\\nThe network addresses",
                "\"deadline\":\"" + deadline + "\"", "\"overdue\":false", "\"submittedAt\":null");
        assertThat(send("GET", "/api/regulator-notices?pending=true", "viewer", null).body()).contains(incidentId.toString());

        // completed by communications, submitted by a manager, once
        assertThat(send("PUT", "/api/regulator-notices/" + incidentId, "comms", """
                {"approximatePeople": 1200, "approximateRecords": 5000,
                 "likelyConsequences": "Phishing aimed at the customers"}""").body())
                .contains("\"approximatePeople\":1200", "\"likelyConsequences\":\"Phishing aimed at the customers\"");
        assertThat(send("POST", "/api/regulator-notices/" + incidentId + "/submission", "comms",
                "{\"reference\": \"CNIL-1\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/regulator-notices/" + incidentId + "/submission", "manager",
                "{\"reference\": \"CNIL-2026-0042\"}").body())
                .contains("\"submissionReference\":\"CNIL-2026-0042\"", "\"submittedBy\":\"manager\"");
        HttpResponse<String> again = send("POST", "/api/regulator-notices/" + incidentId + "/submission", "manager",
                "{\"reference\": \"CNIL-2026-0043\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/api/regulator-notices/" + incidentId, "comms", "{\"approximatePeople\": 1}")
                .statusCode()).isEqualTo(409);

        // Article 34: the decision and its reason
        assertThat(send("POST", "/api/regulator-notices/" + incidentId + "/art34-decision", "manager",
                "{\"notifyDataSubjects\": true}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/regulator-notices/" + incidentId + "/art34-decision", "manager",
                "{\"notifyDataSubjects\": true, \"reason\": \"High risk: bank details exposed\"}").body())
                .contains("\"art34NotifyDataSubjects\":true", "\"art34Reason\":\"High risk: bank details exposed\"",
                        "\"art34DecidedBy\":\"manager\"");
        assertThat(send("GET", "/api/regulator-notices?pending=true", "viewer", null).body())
                .doesNotContain(incidentId.toString());
    }

    @Test
    void shouldPrepareNothingWithoutPersonalData() throws Exception {
        String clientId = unique("no-gdpr");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "nia", "en", false));
        UUID incidentId = UUID.randomUUID();

        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.DDOS_OUTAGE, clientId).build());
        awaitMails("nia@" + clientId + ".test", 1);

        assertThat(send("GET", "/api/regulator-notices/" + incidentId, "viewer", null).statusCode()).isEqualTo(404);
    }
}
