package io.vigie.localstack.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;
import tools.jackson.databind.JsonNode;

/**
 * {@code --demo}: replays the chosen {@link DemoScenario}s through the real webhooks, follows each one until its
 * incident is in case-service with its clients told; on the locked-account incident, client A's people ask a question
 * and reply by email and a communications user answers ({@link ClientConversationDemo}), an analyst resolves it
 * through case-service's API, a manager approves the post-mortem, and a contact answers the closing survey. Progress
 * goes to {@code progress} in plain words: what is sent, what came of it, where to look.
 *
 * <p>A replay is a new occurrence for every tool, but the tools' fingerprints stay the same: within intake's
 * de-duplication window (10 minutes) a second replay is acknowledged as repeats and changes nothing, and within
 * triage's correlation window (4 hours) new alerts join the incidents still open.
 */
public final class Demo {

    /** How long one incident may take to show; generous, because a loaded laptop is slow, not broken. */
    private static final Duration STEP = Duration.ofSeconds(180);

    /**
     * What one scenario gave: the alerts alert-intake-service published and those it knew already, and the incident
     * they are in ({@code null} when nothing new was published, or the incident did not show in time).
     */
    public record Replayed(DemoScenario scenario, int published, int duplicates, UUID incidentId) {
    }

    /**
     * Every scenario replayed; the incident resolved with its post-mortem (null when not resolved); what its client
     * said and was answered; whether the post-mortem was approved and the survey answered; whether the personal-data
     * incident's NIS2 early warning was filed.
     */
    public record Result(List<Replayed> scenarios, UUID resolvedIncidentId, UUID postmortemId,
                         ClientConversationDemo.Conversation conversation, boolean surveyAnswered,
                         boolean earlyWarningFiled) {

        public Optional<Replayed> of(DemoScenario scenario) {
            return scenarios.stream().filter(replayed -> replayed.scenario() == scenario).findFirst();
        }
    }

    private final LocalStack stack;
    private final Consumer<String> progress;
    private final DemoHttp http = new DemoHttp("Demo");
    private final LocalUsers.User analyst;
    private final LocalUsers.User viewer;

    private Demo(LocalStack stack, Consumer<String> progress) {
        this.stack = stack;
        this.progress = progress;
        this.analyst = stack.users().users().get("analyst");
        this.viewer = stack.users().users().get("viewer");
    }

    /**
     * Replays {@code scenarios} (needs the {@link SeedData}); fails only when a webhook refuses an alert. An incident
     * that does not show in time is reported on {@code progress} and the demo goes on with the others.
     */
    public static Result run(LocalStack stack, List<DemoScenario> scenarios, Consumer<String> progress) {
        return new Demo(stack, progress).run(scenarios);
    }

    private Result run(List<DemoScenario> scenarios) {
        progress.accept("replaying " + scenarios.size() + " demo scenario(s) through the real webhooks…");
        List<DemoHttp.Posted> posted = new ArrayList<>();
        for (DemoScenario scenario : scenarios) {
            progress.accept("  " + scenario.id() + ": " + scenario.description());
            long startedAt = System.nanoTime();
            DemoHttp.Posted answer = scenario.replay(stack, new DemoHttp("Demo (" + scenario.id() + ")"));
            posted.add(answer);
            progress.accept("    " + accepted(answer) + since(startedAt));
        }

        if (posted.stream().allMatch(answer -> answer.published() == 0)) {
            progress.accept("nothing new to follow: every alert was a repeat. The mailbox keeps no mail across restarts;"
                    + " replay after 10 minutes, or with a fresh --var-dir, to see the notices again.");
        } else {
            progress.accept("following the alerts through triage, notification and case-service…");
        }
        List<Replayed> replayed = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            DemoScenario scenario = scenarios.get(i);
            DemoHttp.Posted answer = posted.get(i);
            UUID incident = answer.published() == 0 ? null : follow(scenario, answer);
            replayed.add(new Replayed(scenario, answer.published(), answer.duplicates(), incident));
        }

        UUID resolved = null;
        UUID postmortem = null;
        ClientConversationDemo.Conversation conversation = null;
        boolean surveyed = false;
        Optional<Replayed> lockedAccount = replayed.stream()
                .filter(r -> r.scenario() == DemoScenario.LOCKED_ACCOUNT && r.incidentId() != null).findFirst();
        if (lockedAccount.isPresent()) {
            resolved = lockedAccount.get().incidentId();
            conversation = ClientConversationDemo.askAndAnswer(stack, resolved, progress);
            postmortem = resolve(resolved);
            if (postmortem != null) {
                surveyed = ClientConversationDemo.closeAndSurvey(stack, resolved, postmortem, progress);
            }
        }
        boolean earlyWarningFiled = replayed.stream()
                .filter(r -> r.scenario() == DemoScenario.PERSONAL_DATA && r.incidentId() != null).findFirst()
                .map(r -> RegulatoryDemo.fileEarlyWarning(stack, r.incidentId(), progress)).orElse(false);
        lookAt();
        return new Result(List.copyOf(replayed), postmortem == null ? null : resolved, postmortem, conversation,
                surveyed, earlyWarningFiled);
    }

    /** Waits for the scenario's incident in case-service with its first notice sent, and says what it is. */
    private UUID follow(DemoScenario scenario, DemoHttp.Posted answer) {
        long startedAt = System.nanoTime();
        try {
            JsonNode details = Waiting.until("the " + scenario.id() + " incident in case-service with its clients told",
                    STEP, () -> notifiedCaseHolding(scenario, answer.alertIds()));
            JsonNode incident = details.path("incident");
            UUID id = UUID.fromString(incident.path("id").asString());
            StringBuilder line = new StringBuilder("    ").append(scenario.id()).append(": incident ")
                    .append(reference(id)).append(' ').append(incident.path("severity").asString()).append(' ')
                    .append(incident.path("category").asString()).append(", ").append(scenario.client())
                    .append(" told");
            if (incident.path("personalData").asBoolean()) {
                line.append("; personal data involved");
            }
            if (scenario == DemoScenario.DDOS) {
                int alerts = Waiting.until("triage taking every alert of the storm", STEP,
                        () -> alertCount(id).filter(count -> count >= answer.published()));
                line.append(String.format(Locale.ROOT, "; %,d alerts in this one incident", alerts));
            }
            if (scenario == DemoScenario.MALWARE) {
                line.append("; known threats matched: ").append(String.join(", ", matchedIndicators(id)));
            }
            progress.accept(line.append(since(startedAt)).toString());
            return id;
        } catch (RuntimeException e) {
            progress.accept("    " + scenario.id() + ": " + e.getMessage() + "; see the log, and the dashboard later");
            return null;
        }
    }

    /** The analyst's part: resolve the incident in case-service, which makes postmortem-service draft its report. */
    private UUID resolve(UUID incident) {
        progress.accept("resolving the locked-account incident " + reference(incident)
                + " as an analyst would (case-service API)…");
        long startedAt = System.nanoTime();
        String cases = stack.service(VigieService.CASE).baseUrl() + "/api/cases/" + incident;
        try {
            http.call("POST", cases + "/resolution", "application/json", DemoHttp.toJson(Map.of(
                    "summary", "The attempts came from one address, now blocked; the owner confirmed none of them."
                            + " The password was reset with its owner and the account unlocked; no login succeeded.",
                    "correctiveActions", List.of("Password of j.doe reset with its owner",
                            "Source address 203.0.113.45 blocked on the firewall",
                            "Account unlocked"),
                    // What client A's contacts read: one text in each of their languages.
                    "clientMessages", Map.of(
                            "fr", "Le mot de passe du compte a été réinitialisé avec son titulaire et le compte"
                                    + " débloqué ; aucune connexion n'a abouti.",
                            "en", "The account's password was reset with its owner and the account unlocked;"
                                    + " no login succeeded."),
                    "dataCompromised", false)), analyst);
            String postmortem = stack.service(VigieService.POSTMORTEM).baseUrl();
            JsonNode draft = Waiting.until("the post-mortem draft in postmortem-service", STEP,
                    () -> Optional.ofNullable(http.getJsonIfPresent(postmortem + "/api/incidents/" + incident
                            + "/postmortem", viewer)));
            UUID id = UUID.fromString(draft.path("id").asString());
            progress.accept("    resolved: client A's contacts get the resolution notice, and the post-mortem draft is at "
                    + postmortem + "/postmortems/" + id + since(startedAt));
            return id;
        } catch (RuntimeException e) {
            progress.accept("    the locked-account incident was not resolved: " + e.getMessage());
            return null;
        }
    }

    private void lookAt() {
        progress.accept("look at:");
        progress.accept("  the dashboard      " + stack.service(VigieService.CASE).baseUrl()
                + "/dashboard (log in as analyst: the incidents, their timelines and SLA clocks)");
        progress.accept("  the mailbox        " + stack.mailboxUrl() + " (every notice the clients received: emails, "
                + "text messages, and client C's tickets; each email links its contact's status page, and can be "
                + "answered as the client from its page; the emails as JSON at " + stack.mailboxUrl() + "/api/messages)");
        progress.accept("  client feedback    " + stack.service(VigieService.CASE).baseUrl() + "/dashboard/csat (CSAT "
                + "per client and month); quarantined replies at " + stack.service(VigieService.NOTIFICATION)
                .baseUrl() + "/api/replies/quarantine");
        progress.accept("  regulatory reports " + stack.service(VigieService.REGULATORY).baseUrl()
                + "/regulatory (log in as manager: the personal-data incident's GDPR and NIS2 reports, due soonest"
                + " first, their drafts in client B's filing language, the filed early warning; client B's regimes and"
                + " breach register; the case page shows the reports too)");
        progress.accept("  post-mortems       " + stack.service(VigieService.POSTMORTEM).baseUrl() + "/postmortems"
                + " (the locked-account one approved, with client A's feedback)");
        progress.accept("  triage work queue  " + stack.service(VigieService.TRIAGE).baseUrl()
                + "/api/incidents (each incident's alert count, rules fired and matched indicators)");
    }

    /** The active case of the scenario's client and category that holds one of its alerts, once a notice was sent. */
    private Optional<JsonNode> notifiedCaseHolding(DemoScenario scenario, List<UUID> alertIds) {
        String cases = stack.service(VigieService.CASE).baseUrl() + "/api/cases";
        for (JsonNode summary : http.getJson(cases + "?client=" + scenario.client() + "&category="
                + scenario.category(), viewer)) {
            JsonNode details = http.getJson(cases + "/" + summary.path("id").asString(), viewer);
            boolean holdsOurs = false;
            for (JsonNode alert : details.path("alerts")) {
                holdsOurs |= alertIds.contains(UUID.fromString(alert.path("alertId").asString()));
            }
            JsonNode notified = details.path("incident").path("firstNotifiedAt");
            if (holdsOurs && !notified.isNull() && !notified.isMissingNode()) {
                return Optional.of(details);
            }
        }
        return Optional.empty();
    }

    private Optional<Integer> alertCount(UUID incident) {
        JsonNode found = http.getJsonIfPresent(stack.service(VigieService.TRIAGE).baseUrl() + "/api/incidents/"
                + incident, viewer);
        return found == null ? Optional.empty() : Optional.of(found.path("alertCount").asInt());
    }

    private List<String> matchedIndicators(UUID incident) {
        JsonNode found = http.getJson(stack.service(VigieService.TRIAGE).baseUrl() + "/api/incidents/" + incident,
                viewer);
        List<String> indicators = new ArrayList<>();
        found.path("classification").path("matchedIndicators").forEach(indicator ->
                indicators.add(indicator.path("type").asString() + " " + indicator.path("value").asString()));
        return indicators;
    }


    /** The short reference the notices' subjects and the dashboard show. */
    static String reference(UUID incident) {
        return incident.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String accepted(DemoHttp.Posted answer) {
        if (answer.published() == 0) {
            return (answer.duplicates() == 1 ? "the alert was a repeat" : "all " + alerts(answer.duplicates())
                    + " were repeats") + " of a replay less than 10 minutes ago: acknowledged, nothing new published";
        }
        return alerts(answer.published()) + " accepted and published"
                + (answer.duplicates() == 0 ? "" : ", " + alerts(answer.duplicates()) + " acknowledged as repeats");
    }

    private static String alerts(int count) {
        return String.format(Locale.ROOT, "%,d alert%s", count, count == 1 ? "" : "s");
    }

    private static String since(long startedAt) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startedAt) / 1e9);
    }
}
