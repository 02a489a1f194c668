package io.vigie.localstack.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.MailText;
import io.vigie.localstack.VigieService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The client's side of the locked-account incident, as client A's people would live it: Jeanne Martin asks a question
 * from her notice's "I have a question" page and a communications user answers it from the case; Tom Baker replies to
 * his notice by email, which lands on the case unanswered (the dashboard shows it waiting, with its clock); after the
 * post-mortem is approved, Jeanne answers the satisfaction survey of the closing notice. Every step goes through what a
 * client or a SOC user would use: the emails in the mailbox, the client pages, the services' APIs.
 */
final class ClientConversationDemo {

    private static final Duration STEP = Duration.ofSeconds(180);
    private static final Pattern QUESTION_LINK = Pattern.compile("https?://\\S+/question\\?t=[A-Za-z0-9._-]+");
    private static final Pattern SURVEY_LINK = Pattern.compile("https?://\\S+/survey\\?t=[A-Za-z0-9._-]+");
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    static final String JEANNE = "jeanne.martin@client-a.example";
    static final String TOM = "tom.baker@client-a.example";
    static final String QUESTION = "Bonjour, faut-il demander à tous nos collaborateurs de changer leur mot de passe,"
            + " ou seulement à j.doe ?";
    static final String ANSWER = "Seul le compte j.doe est concerné : son mot de passe est réinitialisé avec lui et"
            + " aucune connexion n'a abouti. Vos autres collaborateurs n'ont rien à faire ; nous vous préviendrons"
            + " si cela change.";
    static final String REPLY = "Thanks for the notice. Do we have to tell our auditors about this one?";

    /** What the conversation left: the question answered and the reply waiting (null when a step failed). */
    public record Conversation(UUID answeredQuestionId, UUID waitingReplyId) {
    }

    private final LocalStack stack;
    private final UUID incident;
    private final String reference;
    private final Consumer<String> progress;
    private final DemoHttp http = new DemoHttp("Demo (client conversation)");
    private final LocalUsers.User comms;
    private final LocalUsers.User viewer;

    private ClientConversationDemo(LocalStack stack, UUID incident, Consumer<String> progress) {
        this.stack = stack;
        this.incident = incident;
        this.reference = Demo.reference(incident);
        this.progress = progress;
        this.comms = stack.users().users().get("comms");
        this.viewer = stack.users().users().get("viewer");
    }

    /** Before the resolution: a question asked on the page and answered, a reply by email left waiting. */
    static Conversation askAndAnswer(LocalStack stack, UUID incident, Consumer<String> progress) {
        return new ClientConversationDemo(stack, incident, progress).askAndAnswer();
    }

    /** After the resolution: the post-mortem approved (which closes the incident), then Jeanne answers the survey. */
    static boolean closeAndSurvey(LocalStack stack, UUID incident, UUID postmortem, Consumer<String> progress) {
        return new ClientConversationDemo(stack, incident, progress).closeAndSurvey(postmortem);
    }

    private Conversation askAndAnswer() {
        progress.accept("client A talks back on " + reference + ": a question from the notice's page, a reply by email…");
        long startedAt = System.nanoTime();
        try {
            MimeMessage jeannesNotice = Waiting.until("Jeanne Martin's notice in the mailbox", STEP,
                    () -> email(JEANNE, text -> QUESTION_LINK.matcher(text).find()));
            String questionUrl = first(QUESTION_LINK, text(jeannesNotice));
            String page = http.page("GET", questionUrl, null);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("t", questionUrl.substring(questionUrl.indexOf("?t=") + 3));
            form.put("nonce", first(NONCE, page, 1));
            form.put("text", QUESTION);
            http.page("POST", questionUrl.substring(0, questionUrl.indexOf('?')), form);

            MimeMessage tomsNotice = Waiting.until("Tom Baker's notice in the mailbox", STEP,
                    () -> email(TOM, text -> true));
            stack.replyAsClient(tomsNotice, REPLY + "\n\n-- \nTom Baker\nIT manager, Durand & Associés");

            String cases = stack.service(VigieService.CASE).baseUrl() + "/api/cases/" + incident;
            JsonNode questions = Waiting.until("both messages on the case timeline", STEP, () -> {
                JsonNode found = http.getJson(cases, viewer).path("clientQuestions");
                return found.size() >= 2 ? Optional.of(found) : Optional.empty();
            });
            UUID question = null;
            UUID reply = null;
            for (JsonNode message : questions) {
                if (message.path("contactId").asString().equals("jmartin")) {
                    question = UUID.fromString(message.path("messageId").asString());
                } else {
                    reply = UUID.fromString(message.path("messageId").asString());
                }
            }
            progress.accept("    on the case: Jeanne Martin's question (question page) and Tom Baker's reply (email,"
                    + " quoted text and signature removed), each unanswered with its SLA clock; the comms mailbox "
                    + LocalStack.COMMS_ADDRESS + " was told of both");

            http.call("POST", cases + "/messages/" + question + "/answer", "application/json",
                    DemoHttp.toJson(Map.of("text", ANSWER)), comms);
            Waiting.until("the answer in Jeanne Martin's mailbox", STEP,
                    () -> email(JEANNE, text -> text.contains("j.doe est concerné")).map(found -> true));
            progress.accept("    a communications user answered Jeanne in French from the case; the answer reached her"
                    + " threaded with her notice. Tom's reply waits on the dashboard for an answer" + since(startedAt));
            return new Conversation(question, reply);
        } catch (RuntimeException | MessagingException | IOException e) {
            progress.accept("    the client conversation stopped: " + e.getMessage());
            return new Conversation(null, null);
        }
    }

    private boolean closeAndSurvey(UUID postmortem) {
        progress.accept("approving the post-mortem of " + reference + " as a manager, which closes the incident…");
        long startedAt = System.nanoTime();
        try {
            String postmortems = stack.service(VigieService.POSTMORTEM).baseUrl() + "/api/postmortems/" + postmortem;
            http.call("PUT", postmortems + "/analysis", "application/json", DemoHttp.toJson(analysis()),
                    stack.users().users().get("analyst"));
            http.call("POST", postmortems + "/approval", "application/json", "{}",
                    stack.users().users().get("manager"));
            MimeMessage closing = Waiting.until("the closing notice with its survey in Jeanne Martin's mailbox", STEP,
                    () -> email(JEANNE, text -> SURVEY_LINK.matcher(text).find()));
            String surveyUrl = first(SURVEY_LINK, text(closing));
            http.page("GET", surveyUrl, null);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("t", surveyUrl.substring(surveyUrl.indexOf("?t=") + 3));
            form.put("handling", "5");
            form.put("communication", "4");
            form.put("questionsAnswered", "yes");
            form.put("comment", "Réponse claire et rapide à notre question, merci.");
            http.page("POST", surveyUrl.substring(0, surveyUrl.indexOf('?')), form);
            String timeline = stack.service(VigieService.CASE).baseUrl() + "/api/cases/" + incident + "/timeline";
            Waiting.until("the survey answer on the case timeline", STEP, () -> Optional.of(http.call("GET", timeline,
                    null, null, viewer)).filter(body -> body.contains("SURVEY_ANSWERED")));
            progress.accept("    closed; Jeanne Martin answered the survey (handling 5/5, communication 4/5): on the case"
                    + " timeline, in the post-mortem's client feedback and in the CSAT page "
                    + stack.service(VigieService.CASE).baseUrl() + "/dashboard/csat" + since(startedAt));
            return true;
        } catch (RuntimeException | MessagingException | IOException e) {
            progress.accept("    the survey step stopped: " + e.getMessage());
            return false;
        }
    }

    /** A complete analysis, as the analyst would write it: what approval needs (root cause, a lesson, owned actions). */
    private static Map<String, Object> analysis() {
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("fiveWhys", List.of("The account j.doe was locked after repeated failed logins",
                "An outside address tried passwords against it", "The domain controller's login was reachable from the"
                        + " internet through the VPN portal", "The portal accepts a password alone"));
        analysis.put("rootCause", "The VPN portal accepted a password alone, so a guessed password was enough to try.");
        analysis.put("rootCauseCategory", "TECHNOLOGY");
        analysis.put("ishikawa", Map.of("TECHNOLOGY", List.of("No second factor on the VPN portal")));
        analysis.put("stageEvaluations", Map.of());
        analysis.put("lessonsLearned", List.of("Every internet-facing login needs a second factor"));
        analysis.put("actionItems", List.of(Map.of("description", "Enforce a second factor on the VPN portal",
                "owner", "client-a IT", "dueDate", LocalDate.now().plusDays(30).toString(), "kind", "PREVENTIVE")));
        analysis.put("responsePlanChangeRequired", false);
        return analysis;
    }

    /** The newest email to {@code address} about this incident whose text passes {@code test}. */
    private Optional<MimeMessage> email(String address, Predicate<String> test) {
        List<MimeMessage> received = stack.receivedMessages();
        for (int i = received.size() - 1; i >= 0; i--) {
            MimeMessage message = received.get(i);
            try {
                if (to(message, address) && message.getSubject() != null && message.getSubject().contains(reference)
                        && test.test(text(message))) {
                    return Optional.of(message);
                }
            } catch (MessagingException | IOException e) {
                // Unreadable here: not the one we look for.
            }
        }
        return Optional.empty();
    }

    private static boolean to(MimeMessage message, String address) throws MessagingException {
        var recipients = message.getRecipients(Message.RecipientType.TO);
        if (recipients == null) {
            return false;
        }
        for (var recipient : recipients) {
            if (((InternetAddress) recipient).getAddress().equalsIgnoreCase(address)) {
                return true;
            }
        }
        return false;
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        return MailText.plain(message);
    }

    private static String first(Pattern pattern, String text) {
        return first(pattern, text, 0);
    }

    private static String first(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern.pattern() + " found");
        }
        return matcher.group(group);
    }

    private static String since(long startedAt) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startedAt) / 1e9);
    }
}
