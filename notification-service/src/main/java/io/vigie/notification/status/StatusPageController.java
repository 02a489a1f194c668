package io.vigie.notification.status;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.wording.Languages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A client contact's status page, opened with the signed link of their notices (the link is the credential, checked on
 * every request; nothing is kept between requests). A link opens its own client's incidents only: another incident's
 * address answers the same 404 page as one that does not exist. A link that was altered answers 400, one that expired
 * or was revoked 410, each with a page that says so and shows nothing else.
 */
@RestController
@Timed("vigie.notification.status")
class StatusPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final StatusLinks links;
    private final ClientDirectory directory;
    private final StatusPage pages;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final String script;

    StatusPageController(StatusLinks links, ClientDirectory directory, StatusPage pages,
                         NoticeProperties noticeProperties, Clock clock) throws IOException {
        this.links = links;
        this.directory = directory;
        this.pages = pages;
        this.defaultZone = noticeProperties.zone();
        this.clock = clock;
        this.script = new ClassPathResource("notification/status/live.js").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> incidents(@RequestParam(name = "t", required = false) String token,
                                     @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        Access access = access(token, accept);
        if (access.refusal() != null) {
            return access.refusal();
        }
        StatusPage.Reader reader = access.reader();
        return html(HttpStatus.OK, pages.incidentsPage(reader, pages.incidents(reader)));
    }

    @GetMapping(path = "/status/incidents/{incidentId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> incident(@PathVariable String incidentId,
                                    @RequestParam(name = "t", required = false) String token,
                                    @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        Access access = access(token, accept);
        if (access.refusal() != null) {
            return access.refusal();
        }
        StatusPage.Reader reader = access.reader();
        return uuid(incidentId).flatMap(id -> pages.incident(reader, id)
                        .map(content -> html(HttpStatus.OK, pages.incidentPage(reader, id, content))))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, pages.notFoundPage(reader)));
    }

    /** What an open page polls: the version of its content (the list's, or one incident's). */
    @GetMapping(path = "/status/version", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> version(@RequestParam(name = "t", required = false) String token,
                              @RequestParam(name = "incident", required = false) String incidentId) {
        Access access = access(token, null);
        if (access.refusal() != null) {
            return problem(HttpStatus.valueOf(access.refusal().getStatusCode().value()), "The link opens nothing");
        }
        StatusPage.Reader reader = access.reader();
        Optional<StatusPage.Content> content = incidentId == null ? Optional.of(pages.incidents(reader))
                : uuid(incidentId).flatMap(id -> pages.incident(reader, id));
        return content.<ResponseEntity<?>>map(found -> ResponseEntity.ok(Map.of("version", found.version())))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such incident for this link"));
    }

    @GetMapping(path = "/status/live.js")
    ResponseEntity<String> script() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).body(script);
    }

    /** Who the link lets in, or the page that says why it does not. */
    private record Access(StatusPage.Reader reader, ResponseEntity<String> refusal) {
    }

    private Access access(String token, String acceptLanguage) {
        Optional<StatusLink> link = links.open(token);
        if (link.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, language(acceptLanguage), "invalid", null, defaultZone);
        }
        Optional<Client> client = directory.find(link.get().clientId());
        Optional<Contact> contact = client.flatMap(found -> found.contacts().stream()
                .filter(candidate -> candidate.id().equals(link.get().contactId())).findFirst());
        if (contact.isEmpty()) {
            // The client or the contact left the directory: their link opens nothing any more.
            return refused(HttpStatus.GONE, language(acceptLanguage), "revoked", null, defaultZone);
        }
        StatusPage.Reader reader = pages.reader(client.get(), contact.get(), token);
        return switch (link.get().state(clock.instant())) {
            case ACTIVE -> new Access(reader, null);
            case REVOKED -> refused(HttpStatus.GONE, reader.language(), "revoked", null, reader.zone());
            case EXPIRED -> refused(HttpStatus.GONE, reader.language(), "expired", link.get().expiresAt(),
                    reader.zone());
        };
    }

    private Access refused(HttpStatus status, String language, String reason, Instant expiredAt, ZoneId zone) {
        return new Access(null, html(status, pages.refusedPage(language, reason, expiredAt, zone)));
    }

    /** For a link we cannot read, the browser's language among the catalogue's, else English. */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), Languages.supported());
            return tag == null ? "en" : tag;
        } catch (IllegalArgumentException e) {
            return "en";
        }
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).body(page);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
