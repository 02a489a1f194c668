package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;
import io.vigie.localstack.demo.SeedData;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The locked-account runbook case through the whole of Vigie, as its users live it: Splunk posts its webhook alerts,
 * client A's contacts get their notice by email, an analyst updates and resolves the case, a manager approves the
 * post-mortem, the clients get the survey, and the case's timeline holds it all, its hash chain intact.
 *
 * <p>Everything runs as {@code ./local-stack.sh} runs it (real broker, registry, SMTP mailbox, the five services), each
 * service on its own PostgreSQL database, with the seed data loaded through the APIs ({@link VigieSystem}). The seed's
 * clients A and B belong to this test: the other system tests make clients of their own.
 */
@ExtendWith(VigieSystemExtension.class)
class LockedAccountEndToEndIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final List<String> CLIENT_A_CONTACTS = List.of("jeanne.martin@client-a.example", "tom.baker@client-a.example");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static VigieSystem system;
    private static LocalStack stack;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
        stack = vigie.stack();
    }

    @Test
    void shouldTakeALockedAccountFromSplunkToTheClosedCaseWithEveryClientEmailAndAnIntactTimeline() throws Exception {
        // Splunk: first the failed logins, then the lockout, both on client A's domain controller.
        assertThat(postSplunk("Access - Repeated failed logins - Rule", "1763862900", "1763862900.1001")
                .statusCode()).isEqualTo(202);
        assertThat(postSplunk("Access - Account locked out - Rule", "1763862960", "1763862960.1002")
                .statusCode()).isEqualTo(202);

        // One INITIAL notice per contact, in the contact's language, every section filled, nothing of the raw alert.
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(0), "Incident de sécurité")).hasSize(1);
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(1), "Security incident")).hasSize(1);
        });
        String initialEn = VigieSystem.text(emailsTo(CLIENT_A_CONTACTS.get(1), "Security incident").get(0));
        assertThat(initialEn).contains("Dear Tom Baker", "WHAT HAPPENED", "IMPACT", "WHAT WE HAVE DONE",
                "WHAT COMES NEXT", "WHAT WE ADVISE YOU TO DO", "WHAT WE OFFER YOU",
                "Repeated attempts were made to log in to one of your organisation's accounts",
                "The account concerned was locked to stop any further attempt.",
                "We confirm the attempts with the account's owner",
                "Turn on multi-factor authentication wherever it is available.",
                "+33 1 70 00 12 34, Monday–Friday, 08:00–20:00", "(Europe/London)");
        String initialFr = VigieSystem.text(emailsTo(CLIENT_A_CONTACTS.get(0), "Incident de sécurité").get(0));
        assertThat(initialFr).contains("Jeanne Martin", "IMPACT", "(Europe/Paris)");
        for (String text : List.of(initialEn, initialFr)) {
            assertThat(text).doesNotContain("Access - ", "Rule", "splunk", "SPLUNK", "203.0.113.45",
                    SeedData.CLIENT_A_DOMAIN_CONTROLLER, "j.doe", "WinEventLog");
        }
        assertThat(initialFr).doesNotContain("Dear", "WHAT ", "The account");
        assertThat(initialEn).doesNotContain("Bonjour", "Madame", "Nous ");
        assertThat(emailsTo("dpo@client-b.example", "")).as("client B is not affected").isEmpty();

        // The analyst finds the incident in case-service.
        JsonNode theCase = await().atMost(STEP).until(() -> onlyCaseOfClientA(), node -> node != null);
        String caseId = theCase.get("id").asText();
        assertThat(theCase.get("severity").asText()).isEqualTo("HIGH");
        assertThat(theCase.get("category").asText()).isEqualTo("ACCOUNT_COMPROMISE");

        // A client update: a second email to each contact.
        assertThat(system.call("POST", VigieService.CASE, "/api/cases/" + caseId + "/client-updates", "analyst", """
                {"clientMessages": {
                   "fr": "Les tentatives venaient d'une seule adresse, désormais bloquée. Le titulaire n'en a reconnu aucune.",
                   "en": "The attempts came from one address, now blocked. The owner recognised none of them."},
                 "measures": ["PASSWORDS_RESET"],
                 "estimatedResolutionAt": "%s"}""".formatted(Instant.now().plus(Duration.ofHours(2))))
                .statusCode()).isEqualTo(200);
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(0), "Mise à jour")).hasSize(1);
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(1), "Update")).hasSize(1);
        });
        MimeMessage updateEn = emailsTo(CLIENT_A_CONTACTS.get(1), "Update").get(0);
        assertThat(VigieSystem.text(updateEn)).contains("The attempts came from one address, now blocked.",
                "The passwords of the accounts concerned were reset.", "New estimated resolution:")
                .doesNotContain("désormais");
        assertThat(VigieSystem.text(emailsTo(CLIENT_A_CONTACTS.get(0), "Mise à jour").get(0)))
                .contains("Les tentatives venaient d'une seule adresse").doesNotContain("The attempts");
        // One subject and one thread per contact.
        MimeMessage initialMail = emailsTo(CLIENT_A_CONTACTS.get(1), "Security incident").get(0);
        assertThat(updateEn.getSubject()).isEqualTo("Update: " + initialMail.getSubject());
        assertThat(updateEn.getHeader("In-Reply-To")).containsExactly(initialMail.getMessageID());

        // Resolution: the resolution email.
        assertThat(system.call("POST", VigieService.CASE, "/api/cases/" + caseId + "/resolution", "analyst", """
                {"summary": "The password was reset with its owner and the account unlocked; no login succeeded.",
                 "clientMessages": {"fr": "Le mot de passe a été réinitialisé avec son titulaire et le compte débloqué.",
                                    "en": "The password was reset with its owner and the account unlocked."},
                 "correctiveActions": ["Password reset", "Source address blocked"], "dataCompromised": false}""")
                .statusCode()).isEqualTo(200);
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(0), "Résolu")).hasSize(1);
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(1), "Resolved")).hasSize(1);
        });

        // The post-mortem draft, completed and approved by a manager.
        JsonNode draft = await().atMost(STEP).until(
                () -> VigieSystem.json(system.call("GET", VigieService.POSTMORTEM, "/api/incidents/" + caseId + "/postmortem", "viewer", null)),
                node -> node != null);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        // Judged against case-service's HIGH targets, which came with the resolution (one owner of the SLA targets).
        JsonNode notify = draft.get("metrics").get("measures").get(2);
        assertThat(notify.get("step").asText()).isEqualTo("notify");
        assertThat(notify.get("targetSeconds").asLong()).isEqualTo(3600);
        assertThat(notify.get("met").asBoolean()).isTrue();
        String postmortemId = draft.get("id").asText();
        assertThat(system.call("PUT", VigieService.POSTMORTEM, "/api/postmortems/" + postmortemId + "/analysis", "analyst", """
                {"fiveWhys": ["An attacker tried passwords on j.doe's account", "The account was exposed to the internet"],
                 "rootCause": "The VPN login accepted a password alone.",
                 "rootCauseCategory": "PROCESS",
                 "ishikawa": {"TECHNOLOGY": ["No MFA on the VPN"]},
                 "stageEvaluations": {"COMMUNICATION": {"worked": "Both contacts told within minutes", "didNotWork": "None"}},
                 "lessonsLearned": ["Every internet-facing login needs MFA"],
                 "actionItems": [{"description": "Enforce MFA on the VPN", "owner": "manager",
                                  "dueDate": "%s", "kind": "PREVENTIVE"}],
                 "responsePlanChangeRequired": false}""".formatted(LocalDate.now().plusDays(30)))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> approval = system.call("POST", VigieService.POSTMORTEM, "/api/postmortems/" + postmortemId + "/approval",
                "manager", "{}");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

        // IncidentClosed: the follow-up email with the survey.
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(0), "Suivi")).hasSize(1);
            assertThat(emailsTo(CLIENT_A_CONTACTS.get(1), "Follow-up")).hasSize(1);
        });
        assertThat(VigieSystem.text(emailsTo(CLIENT_A_CONTACTS.get(1), "Follow-up").get(0)))
                .contains("satisfaction survey");

        // The case is closed, its timeline holds every step in order and its hash chain verifies.
        await().atMost(STEP).untilAsserted(() ->
                assertThat(VigieSystem.json(system.call("GET", VigieService.CASE, "/api/cases/" + caseId, "viewer", null)).toString())
                        .contains("\"status\":\"CLOSED\""));
        List<String> types = new ArrayList<>();
        VigieSystem.json(system.call("GET", VigieService.CASE, "/api/cases/" + caseId + "/timeline", "viewer", null))
                .forEach(entry -> types.add(entry.get("type").asText()));
        List<String> steps = List.of("ALERT_CLASSIFIED", "CLIENT_NOTIFIED", "CLIENT_UPDATE", "RESOLVED", "CLOSED");
        List<Integer> firstOccurrences = steps.stream().map(types::indexOf).toList();
        assertThat(firstOccurrences).as("first occurrence of %s in %s", steps, types).doesNotContain(-1).isSorted();
        JsonNode verification = VigieSystem.json(system.call("GET", VigieService.CASE, "/api/cases/" + caseId + "/timeline/verification",
                "viewer", null));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asInt()).isEqualTo(types.size());

        // Exactly one email per contact and stage, nothing twice.
        for (String contact : CLIENT_A_CONTACTS) {
            assertThat(emailsTo(contact, "")).as(contact).hasSize(4);
        }
    }

    @Test
    void shouldLeaveTheSeedDataAsItWasWhenLoadedAgain() throws Exception {
        JsonNode inventory = VigieSystem.json(system.call("GET", VigieService.TRIAGE, "/api/inventory", "viewer", null));
        JsonNode client = VigieSystem.json(system.call("GET", VigieService.NOTIFICATION, "/api/clients/" + SeedData.CLIENT_A, "comms", null));
        assertThat(inventory.toString()).contains(SeedData.CLIENT_A_DOMAIN_CONTROLLER, SeedData.CLIENT_B_DATABASE);
        assertThat(client.toString()).contains("jeanne.martin@client-a.example", "tom.baker@client-a.example");

        SeedData.load(stack);

        assertThat(VigieSystem.json(system.call("GET", VigieService.TRIAGE, "/api/inventory", "viewer", null))).isEqualTo(inventory);
        assertThat(VigieSystem.json(system.call("GET", VigieService.NOTIFICATION, "/api/clients/" + SeedData.CLIENT_A, "comms", null)))
                .isEqualTo(client);
    }

    // As Splunk's webhook alert action sends it: the first result row, the search's sid and name, owner and app.
    private static HttpResponse<String> postSplunk(String searchName, String time, String sidSuffix) throws Exception {
        String sid = "scheduler__admin__search__RMD5a1b2c3d4e5f60718_at_" + sidSuffix;
        String body = JSON.writeValueAsString(Map.of(
                "result", Map.of("_time", time + ".000", "host", SeedData.CLIENT_A_DOMAIN_CONTROLLER,
                        "user", "j.doe", "src", "203.0.113.45", "action", "failure", "count", "42",
                        "urgency", "high", "tag", List.of("authentication"), "sourcetype", "WinEventLog:Security"),
                "sid", sid,
                "results_link", "https://splunk.client-a.example:8000/app/search/@go?sid=" + sid,
                "search_name", searchName,
                "owner", "admin",
                "app", "search"));
        String url = stack.webhookSources().splunkUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl());
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode onlyCaseOfClientA() throws Exception {
        JsonNode cases = VigieSystem.json(system.call("GET", VigieService.CASE, "/api/cases?client=" + SeedData.CLIENT_A, "analyst", null));
        if (cases == null || cases.isEmpty()) {
            return null;
        }
        assertThat(cases.size()).as(cases.toString()).isEqualTo(1);
        return cases.get(0);
    }

    private static List<MimeMessage> emailsTo(String address, String subjectStart) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : stack.receivedMessages()) {
            boolean toAddress = false;
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                toAddress |= ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address);
            }
            if (toAddress && message.getSubject().startsWith(subjectStart)) {
                found.add(message);
            }
        }
        return found;
    }
}
