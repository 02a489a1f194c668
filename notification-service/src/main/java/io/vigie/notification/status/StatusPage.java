package io.vigie.notification.status;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.vigie.notification.conversation.ClientMessage;
import io.vigie.notification.conversation.ClientMessages;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.directory.Contract;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.notice.Notices;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.status.internal.ClientIncidents;
import io.vigie.notification.template.NoticeContext;
import io.vigie.notification.template.TemplateModel;
import io.vigie.notification.template.Templates;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import io.vigie.notification.wording.SupportHours;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The status pages a client contact reads, in their language and time zone, worded as the notices are: the headings
 * from the phrase catalogue ({@code statusPage.*}), the incident from the facts of the notices the client was actually
 * sent, never from the alert. The part that can change ({@link Content}) is rendered on its own: its hash is the
 * version an open page polls for. The templates HTML-escape every value.
 */
@Component
class StatusPage {

    private static final List<String> WORDS = List.of("open", "recent", "noneOpen", "noneRecent", "reference", "type",
            "status", "severity", "detectedAt", "nextUpdate", "known", "doing", "latestMessage", "messages", "date",
            "kind", "subject", "questions", "noQuestions");

    /** A contact reading their page through a link that works; {@code token} is that link's. */
    record Reader(Client client, Contact contact, String token, ZoneId zone) {
        String language() {
            return contact.language();
        }
    }

    /** What can change on a page, and its version. */
    record Content(String html, String version) {
    }

    private final ClientIncidents incidents;
    private final Notices notices;
    private final ClientMessages messages;
    private final Templates templates;
    private final Phrases phrases;
    private final NoticeProperties noticeProperties;
    private final StatusProperties properties;
    private final Clock clock;
    private final Template layout;
    private final Template list;
    private final Template detail;

    StatusPage(ClientIncidents incidents, Notices notices, ClientMessages messages, Templates templates,
               Phrases phrases, NoticeProperties noticeProperties, StatusProperties properties, Clock clock) {
        this.incidents = incidents;
        this.notices = notices;
        this.messages = messages;
        this.templates = templates;
        this.phrases = phrases;
        this.noticeProperties = noticeProperties;
        this.properties = properties;
        this.clock = clock;
        // Escapes HTML (the default); an absent value prints nothing, a misspelt name fails.
        Mustache.Compiler compiler = Mustache.compiler().nullValue("").strictSections(true);
        this.layout = compiler.compile(resource("page.mustache"));
        this.list = compiler.compile(resource("incidents.mustache"));
        this.detail = compiler.compile(resource("incident.mustache"));
    }

    Reader reader(Client client, Contact contact, String token) {
        return new Reader(client, contact, token, client.zoneOf(contact, noticeProperties.zone()));
    }

    /** The client's incidents in progress and those that ended within {@code recent}, the latest begun first. */
    Content incidents(Reader reader) {
        PhraseBook book = phrases.book(reader.language());
        Instant since = clock.instant().minus(properties.recent());
        List<Map<String, Object>> open = new ArrayList<>();
        List<Map<String, Object>> recent = new ArrayList<>();
        for (ClientIncidents.Told told : incidents.of(reader.client().id())) {
            Optional<Notice> facts = told.latestFacts().flatMap(sent -> notices.find(sent.noticeId()));
            if (facts.isEmpty()) {
                continue;
            }
            if (told.state() == ClientIncidents.State.OPEN) {
                open.add(row(reader, book, told, facts.get()));
            } else if (told.endedAt().isAfter(since)) {
                recent.add(row(reader, book, told, facts.get()));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", words(reader, book));
        model.put("open", open);
        model.put("recent", recent);
        return content(list.execute(model));
    }

    /** One incident, if this client was told about it; empty otherwise, whether or not it exists. */
    Optional<Content> incident(Reader reader, UUID incidentId) {
        Optional<ClientIncidents.Told> found = incidents.one(reader.client().id(), incidentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClientIncidents.Told told = found.get();
        List<Notice> sent = told.sent().stream().map(s -> notices.find(s.noticeId()).orElseThrow()).toList();
        Optional<Notice> latest = told.latestFacts().flatMap(s -> sent.stream()
                .filter(notice -> notice.id().equals(s.noticeId())).findFirst());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        PhraseBook book = phrases.book(reader.language());
        boolean open = told.state() == ClientIncidents.State.OPEN;
        // Worded as a first notice while open (every measure, the plan), as a resolution notice once it ended.
        Map<String, Object> worded = TemplateModel.of(latest.get().content(),
                context(reader, incidentId, open ? Stage.INITIAL : Stage.RESOLUTION, 1), book);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", words(reader, book));
        model.put("reference", worded.get("incidentRef"));
        model.put("category", worded.get("category"));
        model.put("status", book.common("statusPage.state." + told.state()));
        model.put("severity", worded.get("severity"));
        model.put("detectedAt", worded.get("detectedAt"));
        model.put("nextUpdate", open ? incidents.nextUpdate(incidentId, reader.client().id())
                .map(at -> book.dateTime(at, reader.zone())).orElse(null) : null);
        model.put("resolved", worded.get("resolved"));
        model.put("context", worded.get("context"));
        model.put("data", worded.get("data"));
        model.put("dataOutcome", last(sent.stream().map(notice -> notice.content().dataCompromised()))
                .map(compromised -> book.common(compromised ? "resolution.dataCompromised"
                        : "resolution.noDataCompromised")).orElse(null));
        model.put("impact", worded.get("impact"));
        model.put("measures", worded.get("measures"));
        model.put("plan", open ? worded.get("plan") : null);
        model.put("eta", !open ? null : worded.get("eta") == null ? book.common("statusPage.etaUnknown")
                : book.common("statusPage.eta", Map.of("eta", (String) worded.get("eta"))));
        // The analyst's latest words in this contact's language; a text written only in another language is not theirs.
        model.put("message", last(sent.stream()
                .map(notice -> notice.content().words().messages().get(reader.language()))).orElse(null));
        model.put("messages", messages(reader, book, told, sent));
        model.put("questions", questions(reader, book, incidentId));
        return Optional.of(content(detail.execute(model)));
    }

    /** The list page, at {@code /status}. */
    String incidentsPage(Reader reader, Content content) {
        PhraseBook book = phrases.book(reader.language());
        Map<String, Object> model = frame(reader, book, book.common("statusPage.title", values(reader)), null);
        model.put("intro", book.common("statusPage.intro", values(reader)));
        model.put("main", content.html());
        model.put("live", live(content, "status/version?t=" + encode(reader.token()), "status/live.js"));
        return layout.execute(model);
    }

    /** An incident's page, at {@code /status/incidents/{id}}. */
    String incidentPage(Reader reader, UUID incidentId, Content content) {
        PhraseBook book = phrases.book(reader.language());
        Map<String, Object> model = frame(reader, book, book.common("statusPage.incident",
                Map.of("reference", reference(incidentId))), backToList(reader, book));
        model.put("main", content.html());
        model.put("live", live(content, "../version?t=" + encode(reader.token()) + "&incident=" + incidentId,
                "../live.js"));
        return layout.execute(model);
    }

    /** What an incident that is not this client's shows, the same as one that does not exist. */
    String notFoundPage(Reader reader) {
        PhraseBook book = phrases.book(reader.language());
        Map<String, Object> model = frame(reader, book, book.common("statusPage.notFound.title"),
                backToList(reader, book));
        model.put("main", paragraph(book.common("statusPage.notFound.text")));
        return layout.execute(model);
    }

    /**
     * A link that opens nothing ({@code invalid}, {@code expired}, {@code revoked}): the reason and whom to ask, in
     * {@code language}, and nothing of the client's.
     */
    String refusedPage(String language, String reason, Instant expiredAt, ZoneId zone) {
        PhraseBook book = phrases.book(language);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("supportContact", noticeProperties.supportContact());
        values.put("date", expiredAt == null ? "" : book.dateTime(expiredAt, zone));
        Map<String, Object> model = page(language, book.common("statusPage." + reason + ".title"));
        model.put("main", paragraph(book.common("statusPage." + reason + ".text", values)));
        return layout.execute(model);
    }

    private Map<String, Object> row(Reader reader, PhraseBook book, ClientIncidents.Told told, Notice facts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference", reference(told.incidentId()));
        row.put("href", "status/incidents/" + told.incidentId() + "?t=" + encode(reader.token()));
        row.put("category", book.category(facts.content().facts().category()));
        row.put("status", book.common("statusPage.state." + told.state()));
        row.put("severity", book.severity(facts.content().facts().severity()));
        row.put("detectedAt", book.dateTime(facts.content().facts().detectedAt(), reader.zone()));
        return row;
    }

    /** Every notice the client was sent: when, which stage, and its subject in this contact's language. */
    private List<Map<String, Object>> messages(Reader reader, PhraseBook book, ClientIncidents.Told told,
                                               List<Notice> sent) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Notice notice = sent.get(i);
            lines.add(Map.of("date", book.dateTime(told.sent().get(i).sentAt(), reader.zone()),
                    "stage", book.common("statusPage.stage." + notice.stage()),
                    "subject", subject(reader, book, notice)));
        }
        return lines;
    }

    /** The subject of a notice as the templates word it in this contact's language. */
    private String subject(Reader reader, PhraseBook book, Notice notice) {
        return templates.render(notice.category(), notice.stage(), reader.language(), TemplateModel.of(
                notice.content(), context(reader, notice.incidentId(), notice.stage(), notice.sequence()), book))
                .subject();
    }

    /**
     * The client's questions in this contact's language, which is also the language of their answers, so the page is
     * never mixed. An answer given on the phone shows as such: what was said is the case's internal record.
     */
    private List<Map<String, Object>> questions(Reader reader, PhraseBook book, UUID incidentId) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (ClientMessage message : messages.of(incidentId, reader.client().id())) {
            if (!reader.language().equals(message.author().language())) {
                continue;
            }
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("asked", book.common("statusPage.asked", Map.of("name", message.author().contactName(),
                    "date", book.dateTime(message.receivedAt(), reader.zone()))));
            question.put("text", message.text());
            boolean byPhone = message.answered() && "PHONE".equals(message.answer().via());
            String answeredAt = message.answered() ? book.dateTime(message.answer().at(), reader.zone()) : null;
            question.put("answerMeta", !message.answered() ? book.common("statusPage.awaitingAnswer")
                    : book.common(byPhone ? "statusPage.answeredByPhone" : "statusPage.answered",
                    Map.of("date", answeredAt)));
            question.put("answer", message.answered() && !byPhone ? message.answer().text() : null);
            questions.add(question);
        }
        return questions;
    }

    private NoticeContext context(Reader reader, UUID incidentId, Stage stage, int sequence) {
        Contract contract = reader.client().contract();
        return new NoticeContext(incidentId, stage, sequence,
                new NoticeContext.Reader(reader.language(), reader.client().name(), reader.contact().name(),
                        reader.zone()),
                NoticeContext.Links.NONE,
                new NoticeContext.Support(noticeProperties.supportContact(), contract.supportLine(),
                        SupportHours.parse(contract.supportHours()).orElse(null), contract.offerCodes()),
                null);
    }

    /** A page of the contact's: with whom to call and a word on the link, and where it leads back to if anywhere. */
    private Map<String, Object> frame(Reader reader, PhraseBook book, String title, Map<String, String> back) {
        Map<String, Object> model = page(reader.language(), title);
        model.put("back", back);
        model.put("footer", Map.of("lines", List.of(book.common("statusPage.supportContact", values(reader)),
                book.common("statusPage.personal"))));
        return model;
    }

    /** The layout's values, each present (a misspelt one fails), none of them filled but the title. */
    private static Map<String, Object> page(String language, String title) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("language", language);
        model.put("title", title);
        for (String part : List.of("back", "intro", "main", "footer", "live")) {
            model.put(part, null);
        }
        return model;
    }

    private Map<String, String> backToList(Reader reader, PhraseBook book) {
        return Map.of("href", "../../status?t=" + encode(reader.token()), "label", book.common("statusPage.backToList"));
    }

    private Map<String, Object> live(Content content, String versionUrl, String scriptUrl) {
        return Map.of("version", content.version(), "versionUrl", versionUrl, "scriptUrl", scriptUrl,
                "pollMs", properties.pollInterval().toMillis());
    }

    private Map<String, String> words(Reader reader, PhraseBook book) {
        Map<String, String> values = values(reader);
        Map<String, String> words = new LinkedHashMap<>();
        WORDS.forEach(key -> words.put(key, book.common("statusPage." + key, values)));
        return words;
    }

    private Map<String, String> values(Reader reader) {
        return Map.of("clientName", reader.client().name(), "contactName", reader.contact().name(),
                "days", String.valueOf(properties.recent().toDays()),
                "supportContact", noticeProperties.supportContact());
    }

    /** The last value that is there. */
    private static <T> Optional<T> last(Stream<T> values) {
        return values.filter(Objects::nonNull).reduce((first, second) -> second);
    }

    private static String reference(UUID incidentId) {
        return incidentId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String paragraph(String text) {
        return "<p>" + HtmlUtils.htmlEscape(text) + "</p>";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Content content(String html) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
            return new Content(html, HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String resource(String name) {
        try {
            return new ClassPathResource("notification/status/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The status page template " + name + " is missing", e);
        }
    }
}
