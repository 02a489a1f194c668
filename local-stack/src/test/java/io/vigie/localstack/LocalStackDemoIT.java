package io.vigie.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.localstack.demo.Demo;
import io.vigie.localstack.demo.DemoScenario;
import io.vigie.localstack.demo.SeedData;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./local-stack.sh --demo} as a newcomer lives it: the stack starts on an empty {@code var/}, the seed data
 * loads, the five scenarios go through the real webhooks, and what they produce is checked where a user would look —
 * case-service's cases, triage's incidents, the mailbox, the regulatory reports, the post-mortem draft. Start-up, seed
 * and demo times and the resident memory afterwards are printed (figures, not assertions).
 */
class LocalStackDemoIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> CONTACTS = Map.of(
            SeedData.CLIENT_A, List.of("jeanne.martin@client-a.example", "tom.baker@client-a.example"),
            SeedData.CLIENT_B, List.of("dpo@client-b.example", "anna.smith@client-b.example"),
            SeedData.CLIENT_C, List.of("katrin.vogel@client-c.example", "markus.brenner@client-c.example"));
    /** The subjects of the INITIAL notices, in the seed's three languages. */
    private static final List<String> INITIAL_SUBJECTS = List.of("Security incident", "Incident de sécurité",
            "Sicherheitsvorfall");
    private static final List<String> RESOLUTION_SUBJECTS = List.of("Resolved", "Résolu", "Behoben");

    @TempDir
    static Path varDirectory;

    private static LocalStack stack;
    private static Demo.Result demo;
    private static final List<String> progress = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheStackAndRunTheWholeDemo() throws IOException {
        long startedAt = System.nanoTime();
        stack = LocalStack.start(LocalStackSettings.defaults().withVarDirectory(varDirectory).withAnyFreePorts());
        long upAt = System.nanoTime();
        SeedData.load(stack);
        long seededAt = System.nanoTime();
        demo = Demo.run(stack, DemoScenario.parse(null), line -> {
            progress.add(line);
            System.out.println("[demo] " + line);
        });
        long doneAt = System.nanoTime();
        System.out.printf(Locale.ROOT, "[figures] stack start %.1f s (as it reports itself %.1f s), seed %.1f s, "
                        + "demo %.1f s, resident memory after the demo %s (this test JVM, stack included)%n",
                (upAt - startedAt) / 1e9, stack.startupTime().toMillis() / 1000.0, (seededAt - upAt) / 1e9,
                (doneAt - seededAt) / 1e9, residentMemory());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowOneCaseForEachScenarioWithItsSeverityAndCategory() throws Exception {
        // The locked account was resolved and closed by the demo; the others are still active. The closed one stays on
        // the default list while Tom Baker's emailed reply waits for an answer.
        assertThat(casesOf(SeedData.CLIENT_A, null)).extracting(c -> c.get("category").asText() + " "
                + c.get("status").asText()).containsExactlyInAnyOrder("ACCOUNT_COMPROMISE CLOSED", "PHISHING NOTIFIED");
        assertThat(casesOf(SeedData.CLIENT_C, null)).extracting(c -> c.get("category").asText() + " " + c.get("severity").asText())
                .containsExactly("DDOS_OUTAGE CRITICAL");
        assertThat(casesOf(SeedData.CLIENT_B, null)).extracting(c -> c.get("category").asText() + " " + c.get("severity").asText())
                .containsExactlyInAnyOrder("DATA_BREACH CRITICAL", "MALWARE CRITICAL");
        assertThat(casesOf(SeedData.CLIENT_A, "CLOSED")).extracting(c -> c.get("category").asText() + " " + c.get("severity").asText())
                .containsExactly("ACCOUNT_COMPROMISE HIGH");
        assertThat(casesOf(SeedData.CLIENT_B, "RESOLVED")).isEmpty();

        for (DemoScenario scenario : DemoScenario.values()) {
            Demo.Replayed replayed = demo.of(scenario).orElseThrow();
            assertThat(replayed.incidentId()).as("%s's incident (demo output: %s)", scenario, progress).isNotNull();
            JsonNode theCase = json(call("GET", VigieService.CASE, "/api/cases/" + replayed.incidentId(), "viewer"));
            assertThat(theCase.at("/incident/category").asText()).as(scenario.id()).isEqualTo(scenario.category());
        }
        assertThat(progress).anyMatch(line -> line.contains("look at:"))
                .anyMatch(line -> line.contains(stack.mailboxUrl()))
                .anyMatch(line -> line.contains(stack.service(VigieService.CASE).baseUrl() + "/dashboard"));
    }

    @Test
    void shouldCollapseTheAlertmanagerStormIntoOneIncidentHoldingEveryAlert() throws Exception {
        Demo.Replayed ddos = demo.of(DemoScenario.DDOS).orElseThrow();
        assertThat(ddos.published()).isEqualTo(2000);
        assertThat(ddos.duplicates()).isZero();

        await().atMost(STEP).untilAsserted(() -> assertThat(json(call("GET", VigieService.TRIAGE,
                "/api/incidents/" + ddos.incidentId(), "viewer")).get("alertCount").asInt()).isEqualTo(2000));
        List<String> ddosIncidents = new ArrayList<>();
        for (JsonNode entry : json(call("GET", VigieService.TRIAGE, "/api/incidents?limit=500", "viewer"))) {
            if (entry.get("category").asText().equals("DDOS_OUTAGE")) {
                ddosIncidents.add(entry.get("id").asText());
            }
        }
        assertThat(ddosIncidents).containsExactly(ddos.incidentId().toString());

        JsonNode theCase = json(call("GET", VigieService.CASE, "/api/cases/" + ddos.incidentId(), "viewer"));
        assertThat(theCase.at("/incident/assets").toString()).contains(SeedData.CLIENT_C_SHOP);
        // Triage publishes a storm's attached alerts one by one up to 10, then every 100th: the case lists those.
        assertThat(theCase.get("alerts").size()).isBetween(10, 2000);
        for (JsonNode alert : theCase.get("alerts")) {
            assertThat(alert.get("asset").asText()).isEqualTo(SeedData.CLIENT_C_SHOP);
        }
    }

    @Test
    void shouldRunTheGdprAndNis2ClocksOfThePersonalDataAccessWithItsEarlyWarningFiled() throws Exception {
        UUID incident = demo.of(DemoScenario.PERSONAL_DATA).orElseThrow().incidentId();
        JsonNode details = json(call("GET", VigieService.CASE, "/api/cases/" + incident, "viewer"));
        JsonNode theCase = details.get("incident");
        assertThat(theCase.get("personalData").asBoolean()).isTrue();
        assertThat(theCase.get("dataCategories").toString()).contains("PERSONAL", "HEALTH");
        // No legal clock in case-service: the deadlines are regulatory-service's.
        assertThat(details.get("clocks").findValuesAsText("kind")).doesNotContain("GDPR");

        // Client B is under GDPR and NIS2: the Art. 33 notification runs 72 h from awareness, the NIS2 incident
        // notification too; the early warning (24 h) was filed by the demo's manager, its clock stopped.
        assertThat(demo.earlyWarningFiled()).isTrue();
        JsonNode reports = json(call("GET", VigieService.REGULATORY, "/api/incidents/" + incident + "/reports",
                "viewer"));
        JsonNode gdpr = report(reports, "GDPR_AUTHORITY_NOTIFICATION");
        JsonNode warning = report(reports, "NIS2_EARLY_WARNING");
        JsonNode notification = report(reports, "NIS2_INCIDENT_NOTIFICATION");
        assertThat(gdpr.get("state").asText()).isEqualTo("OPEN");
        assertThat(gdpr.get("rule").asText()).contains("GDPR Art. 33(1)");
        assertThat(gdpr.get("authority").asText()).isEqualTo("Data Protection Commission (Ireland)");
        assertThat(warning.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(warning.at("/submission/authorityReference").asText()).isEqualTo("NCSC-IE-EW-2026-0412");
        assertThat(notification.get("state").asText()).isEqualTo("OPEN");
        assertThat(Duration.between(Instant.parse(warning.get("dueAt").asText()),
                Instant.parse(gdpr.get("dueAt").asText()))).isEqualTo(Duration.ofHours(48));
        assertThat(notification.get("dueAt").asText()).isEqualTo(gdpr.get("dueAt").asText());

        // The case page's data shows them as regulatory-service sent them.
        await().atMost(STEP).untilAsserted(() -> assertThat(json(call("GET", VigieService.CASE, "/api/cases/"
                + incident, "viewer")).get("regulatoryReports").toString())
                .contains("GDPR_AUTHORITY_NOTIFICATION", "NIS2_EARLY_WARNING", "NCSC-IE-EW-2026-0412"));

        // Only the personal-data incident has reports: the malware server holds no personal data, a DDoS is no
        // breach, and client B's breach register lists it alone.
        JsonNode register = json(call("GET", VigieService.REGULATORY, "/api/clients/" + SeedData.CLIENT_B
                + "/breach-register", "viewer"));
        assertThat(register.findValuesAsText("incidentId")).containsExactly(incident.toString());
    }

    private static JsonNode report(JsonNode reports, String kind) {
        for (JsonNode report : reports) {
            if (kind.equals(report.get("report").asText()) && SeedData.CLIENT_B.equals(report.get("clientId").asText())) {
                return report;
            }
        }
        throw new AssertionError("no " + kind + " of client B in " + reports);
    }

    @Test
    void shouldNameTheMatchedKnownThreatsOfTheMalware() throws Exception {
        UUID incident = demo.of(DemoScenario.MALWARE).orElseThrow().incidentId();
        JsonNode triaged = json(call("GET", VigieService.TRIAGE, "/api/incidents/" + incident, "viewer"));
        assertThat(triaged.at("/classification/matchedIndicators").toString())
                .contains(SeedData.MALWARE_SHA256, SeedData.C2_DOMAIN, SeedData.C2_IP);
        assertThat(triaged.at("/classification/rationale").toString())
                .contains("known-threats", SeedData.MALWARE_SHA256, "known-threat-indicator");
        // The case's timeline names the rule that raised it: HIGH malware, one step up for the known threats.
        assertThat(call("GET", VigieService.CASE, "/api/cases/" + incident + "/timeline", "viewer").body())
                .contains("known-threat-indicator");
        assertThat(progress).anyMatch(line -> line.contains("known threats matched") && line.contains(SeedData.C2_DOMAIN));
    }

    @Test
    void shouldOpenAHighPhishingIncidentFromTheKibanaWebhookAndTellClientAByEmailWithoutItsRawContent()
            throws Exception {
        Demo.Replayed phishing = demo.of(DemoScenario.PHISHING).orElseThrow();
        assertThat(phishing.published()).as("demo output: %s", progress).isEqualTo(1);
        JsonNode theCase = json(call("GET", VigieService.CASE, "/api/cases/" + phishing.incidentId(), "viewer"));
        assertThat(theCase.at("/incident/category").asText() + " " + theCase.at("/incident/severity").asText())
                .isEqualTo("PHISHING HIGH");
        assertThat(theCase.at("/incident/personalData").asBoolean()).isFalse();
        assertThat(theCase.get("alerts")).singleElement().satisfies(alert -> {
            assertThat(alert.get("source").asText()).isEqualTo("ELASTIC");
            assertThat(alert.get("sourceName").asText()).isEqualTo(LocalWebhookSources.ELASTIC);
            assertThat(alert.get("asset").asText()).isEqualTo(SeedData.CLIENT_A_MAIL_SERVER);
        });
        assertThat(json(call("GET", VigieService.TRIAGE, "/api/incidents/" + phishing.incidentId(), "viewer"))
                .at("/classification/rationale").toString()).contains("phishing");
        assertThat(progress).anyMatch(line -> line.contains("phishing: incident ") && line.contains("HIGH PHISHING"));

        // What client A's people read, through the mailbox's JSON API: one email each, in their language, saying what
        // phishing is, and nothing of the Kibana alert (rule, sender, address, tool).
        String reference = phishing.incidentId().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Map<String, String> expected = Map.of(
                "jeanne.martin@client-a.example", "Des messages frauduleux",
                "tom.baker@client-a.example", "Fraudulent messages");
        for (Map.Entry<String, String> contact : expected.entrySet()) {
            await().atMost(STEP).untilAsserted(() -> {
                List<JsonNode> notices = new ArrayList<>();
                mailboxApi("/api/messages?to=" + contact.getKey()).forEach(message -> {
                    if (message.get("subject").asText().contains(reference)) {
                        notices.add(message);
                    }
                });
                assertThat(notices).as(contact.getKey()).singleElement().satisfies(notice -> {
                    assertThat(notice.get("to").toString()).contains(contact.getKey());
                    assertThat(notice.get("text").asText()).contains(contact.getValue())
                            .doesNotContain("credential-harvesting").doesNotContain("198.51.100.77")
                            .doesNotContain("secure-esign").doesNotContain("Kibana").doesNotContain("Elastic");
                });
            });
        }
    }

    @Test
    void shouldSendOneInitialNoticePerAffectedContactAndNoneToOtherClients() {
        for (DemoScenario scenario : DemoScenario.values()) {
            String reference = demo.of(scenario).orElseThrow().incidentId().toString().substring(0, 8)
                    .toUpperCase(Locale.ROOT);
            boolean resolved = scenario == DemoScenario.LOCKED_ACCOUNT;
            // The malware is on client B's mail server: its contacts are told by text message, not by email.
            boolean outOfBand = scenario == DemoScenario.MALWARE;
            await().atMost(STEP).untilAsserted(() -> {
                for (Map.Entry<String, List<String>> client : CONTACTS.entrySet()) {
                    boolean affected = client.getKey().equals(scenario.client()) && !outOfBand;
                    for (String contact : client.getValue()) {
                        List<String> subjects = subjects(contact, reference);
                        if (!affected) {
                            assertThat(subjects).as("%s to %s", scenario.id(), contact).isEmpty();
                            continue;
                        }
                        // besides: an answer to a question, the closing follow-up (the locked account)
                        assertThat(subjects).as("%s to %s", scenario.id(), contact).hasSizeBetween(1, resolved ? 4 : 1);
                        assertThat(subjects).as("%s to %s", scenario.id(), contact)
                                .filteredOn(subject -> INITIAL_SUBJECTS.stream().anyMatch(subject::startsWith))
                                .hasSize(1);
                        if (resolved) {
                            assertThat(subjects).as("%s to %s", scenario.id(), contact)
                                    .filteredOn(subject -> RESOLUTION_SUBJECTS.stream().anyMatch(subject::startsWith))
                                    .hasSize(1);
                        }
                    }
                }
            });
        }
    }

    @Test
    void shouldShowTheTextMessagesAndTicketsOnTheMailboxPageNextToTheEmails() throws Exception {
        String ddos = demo.of(DemoScenario.DDOS).orElseThrow().incidentId().toString().substring(0, 8)
                .toUpperCase(Locale.ROOT);
        String breach = demo.of(DemoScenario.PERSONAL_DATA).orElseThrow().incidentId().toString().substring(0, 8)
                .toUpperCase(Locale.ROOT);
        String malware = demo.of(DemoScenario.MALWARE).orElseThrow().incidentId().toString().substring(0, 8)
                .toUpperCase(Locale.ROOT);
        await().atMost(STEP).untilAsserted(() -> {
            String page = http.send(HttpRequest.newBuilder(URI.create(stack.mailboxUrl() + "/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // client C's ticketing system (the page's ticket sink) got the DDoS notice as a ticket, in German
            assertThat(page.substring(page.indexOf("id=\"tickets\""))).contains("/tickets/client-c",
                    "Sicherheitsvorfall " + ddos);
            // client B takes its CRITICAL notices by email and SMS together: the SMS are listed too; the malware on its
            // mail server reaches both contacts out of band, by SMS only
            assertThat(page.substring(page.indexOf("id=\"texts\""), page.indexOf("id=\"tickets\"")))
                    .contains("+44 20 7946 0188", "Security incident " + breach, "+44 20 7946 0102",
                            "Security incident " + malware);
        });
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(stack.mailboxUrl() + "/tickets/x"))
                .header("Idempotency-Key", "same").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> repeated = http.send(HttpRequest.newBuilder(URI.create(stack.mailboxUrl() + "/tickets/x"))
                .header("Idempotency-Key", "same").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(again.body());
    }

    @Test
    void shouldApproveThePostmortemOfTheResolvedIncidentWithItsClientsFeedback() throws Exception {
        UUID lockedAccount = demo.of(DemoScenario.LOCKED_ACCOUNT).orElseThrow().incidentId();
        assertThat(demo.resolvedIncidentId()).isEqualTo(lockedAccount);
        JsonNode report = json(call("GET", VigieService.POSTMORTEM, "/api/incidents/" + lockedAccount + "/postmortem",
                "viewer"));
        assertThat(report.get("id").asText()).isEqualTo(demo.postmortemId().toString());
        assertThat(report.get("status").asText()).isEqualTo("APPROVED");
        assertThat(report.get("incident").toString()).contains("ACCOUNT_COMPROMISE", SeedData.CLIENT_A,
                "Source address 203.0.113.45 blocked on the firewall");
        // Jeanne Martin's survey answer reached the approved report; a good score opens no action item.
        assertThat(demo.surveyAnswered()).as("demo output: %s", progress).isTrue();
        await().atMost(STEP).untilAsserted(() -> assertThat(json(call("GET", VigieService.POSTMORTEM,
                "/api/postmortems/" + demo.postmortemId(), "viewer")).get("clientFeedback").toString())
                .contains("jmartin", "Réponse claire et rapide"));
        assertThat(json(call("GET", VigieService.POSTMORTEM, "/api/postmortems/" + demo.postmortemId(), "viewer"))
                .toString()).doesNotContain("fromClientFeedback\":true");
    }

    @Test
    void shouldLandTheClientsQuestionAndReplyOnTheCaseAndSendTheAnswerThreaded() throws Exception {
        UUID lockedAccount = demo.of(DemoScenario.LOCKED_ACCOUNT).orElseThrow().incidentId();
        assertThat(demo.conversation().answeredQuestionId()).as("demo output: %s", progress).isNotNull();
        JsonNode questions = json(call("GET", VigieService.CASE, "/api/cases/" + lockedAccount, "viewer"))
                .get("clientQuestions");
        Map<String, JsonNode> byContact = new HashMap<>();
        questions.forEach(question -> byContact.put(question.get("contactId").asText(), question));
        assertThat(byContact.get("jmartin").get("state").asText()).isEqualTo("ANSWERED");
        assertThat(byContact.get("jmartin").get("via").asText()).isEqualTo("QUESTION_PAGE");
        // The emailed reply, its quoted notice and signature gone, waits for an answer.
        assertThat(byContact.get("tbaker").get("state").asText()).isEqualTo("UNANSWERED");
        assertThat(byContact.get("tbaker").get("via").asText()).isEqualTo("EMAIL_REPLY");
        assertThat(byContact.get("tbaker").get("text").asText()).isEqualTo(
                "Thanks for the notice. Do we have to tell our auditors about this one?");

        String reference = lockedAccount.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        MimeMessage initial = email("jeanne.martin@client-a.example", "Incident de sécurité " + reference);
        MimeMessage answer = email("jeanne.martin@client-a.example", "Réponse : Incident de sécurité " + reference);
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(initial.getMessageID());
        // The comms mailbox was told of both messages.
        assertThat(stack.receivedMessages().stream().filter(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(LocalStack.COMMS_ADDRESS);
            } catch (MessagingException e) {
                return false;
            }
        }).count()).isEqualTo(2);
        // The survey is on the case's timeline, and in the CSAT of client A.
        assertThat(call("GET", VigieService.CASE, "/api/cases/" + lockedAccount + "/timeline", "viewer").body())
                .contains("SURVEY_ANSWERED");
    }

    @Test
    void shouldOpenEachContactsStatusPageOnTheirOwnClientsIncidentsOnly() throws Exception {
        UUID lockedAccount = demo.of(DemoScenario.LOCKED_ACCOUNT).orElseThrow().incidentId();
        UUID ddos = demo.of(DemoScenario.DDOS).orElseThrow().incidentId();
        String reference = lockedAccount.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String statusLink = link(email("katrin.vogel@client-c.example", "Sicherheitsvorfall "
                + ddos.toString().substring(0, 8).toUpperCase(Locale.ROOT)), "/status?t=");

        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(statusLink)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(statusLink.replace("/status?",
                "/status/incidents/" + lockedAccount + "?"))).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(ddos.toString().substring(0, 8).toUpperCase(Locale.ROOT))
                .doesNotContain(reference);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(reference).doesNotContain("Durand");
    }

    private static MimeMessage email(String address, String subjectStart) throws MessagingException {
        for (MimeMessage message : stack.receivedMessages()) {
            if (((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                    .equalsIgnoreCase(address) && message.getSubject().startsWith(subjectStart)) {
                return message;
            }
        }
        throw new AssertionError("no email to " + address + " starting " + subjectStart);
    }

    private static String link(MimeMessage message, String path) throws Exception {
        Matcher link = Pattern.compile("https?://\\S+" + Pattern.quote(path)
                + "[A-Za-z0-9._-]+").matcher(MailText.plain(message));
        assertThat(link.find()).as("a %s link", path).isTrue();
        return link.group();
    }

    private static List<JsonNode> casesOf(String client, String status) throws Exception {
        List<JsonNode> cases = new ArrayList<>();
        json(call("GET", VigieService.CASE, "/api/cases?client=" + client + (status == null ? "" : "&status=" + status),
                "viewer")).forEach(cases::add);
        return cases;
    }

    private static List<String> subjects(String address, String reference) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : stack.receivedMessages()) {
            boolean toAddress = false;
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                toAddress |= ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address);
            }
            if (toAddress && message.getSubject().contains(reference)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static JsonNode mailboxApi(String path) throws IOException, InterruptedException {
        return json(http.send(HttpRequest.newBuilder(URI.create(stack.mailboxUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpResponse<String> call(String method, VigieService service, String path, String user)
            throws IOException, InterruptedException {
        LocalUsers.User caller = stack.users().users().get(user);
        String credentials = Base64.getEncoder().encodeToString(
                (caller.name() + ":" + caller.password()).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String residentMemory() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring("VmRSS:".length()).strip()).findFirst().orElse("n/a");
    }
}
