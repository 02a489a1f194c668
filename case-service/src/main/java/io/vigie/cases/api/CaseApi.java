package io.vigie.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigie.cases.incident.CaseCommands;
import io.vigie.cases.incident.CaseFilter;
import io.vigie.cases.incident.CaseQueries;
import io.vigie.cases.incident.CaseStatus;
import io.vigie.cases.incident.ClientMessages;
import io.vigie.cases.incident.ClientUpdate;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.InvalidFieldException;
import io.vigie.cases.incident.Language;
import io.vigie.cases.incident.PhoneCall;
import io.vigie.cases.incident.Resolution;
import io.vigie.cases.incident.Severity;
import io.vigie.cases.regulatory.RegulatoryReports;
import io.vigie.cases.sla.ClockState;
import io.vigie.cases.sla.SlaClock;
import io.vigie.cases.sla.SlaClocks;
import io.vigie.cases.timeline.ChainVerification;
import io.vigie.cases.timeline.Timeline;
import io.vigie.cases.timeline.TimelineEntry;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The case API. Reading needs any Vigie role; the commands check theirs in {@link CaseCommands}. The acting user
 * recorded on the timeline is the authenticated caller (the login name, or the JWT's subject).
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "cases", description = "Incident cases, their timelines and the commands on them")
class CaseApi {

    private final CaseQueries queries;
    private final CaseCommands commands;
    private final Timeline timeline;
    private final SlaClocks clocks;
    private final RegulatoryReports regulatoryReports;

    CaseApi(CaseQueries queries, CaseCommands commands, Timeline timeline, SlaClocks clocks,
            RegulatoryReports regulatoryReports) {
        this.queries = queries;
        this.commands = commands;
        this.timeline = timeline;
        this.clocks = clocks;
        this.regulatoryReports = regulatoryReports;
    }

    /** The query parameters of {@code GET /api/cases}; any other is a 400 rather than silently ignored. */
    static final List<String> LIST_PARAMETERS = List.of("severity", "status", "client", "category", "assignee",
            "alertId");

    /** The most alerts one page lists. */
    static final int MAX_ALERTS_PAGE = 500;

    @GetMapping
    @Operation(summary = "Cases ordered by priority; without a status, the active ones (OPEN, NOTIFIED, IN_PROGRESS); "
            + "with an alertId, the case holding that alert whatever its status. Another parameter is a 400")
    List<CaseView> list(@RequestParam(required = false) Severity severity,
                        @RequestParam(required = false) CaseStatus status,
                        @RequestParam(required = false) String client,
                        @RequestParam(required = false) String category,
                        @RequestParam(required = false) String assignee,
                        @RequestParam(required = false) UUID alertId,
                        @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        // A misspelt filter (alertid, clientId) silently ignored would list the wrong cases as if they matched.
        parameters.keySet().stream().filter(name -> !LIST_PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
            throw new InvalidFieldException(name, "unknown query parameter; accepted: "
                    + String.join(", ", LIST_PARAMETERS), LIST_PARAMETERS);
        });
        return queries.list(new CaseFilter(severity, status, filter("client", client), filter("category", category),
                filter("assignee", assignee), alertId)).stream().map(CaseView::of).toList();
    }

    /**
     * A text filter, null when blank. A control character (a NUL above all, which PostgreSQL refuses in text and
     * answered 500) is no client, category or user name: a 400 naming the parameter.
     */
    private static String filter(String name, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + name + "' must not contain control characters");
        }
        return blankToNull(value);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its clients' notice status, its regulatory reports, its alerts and its SLA "
            + "clocks")
    CaseDetails get(@PathVariable UUID id) {
        return details(queries.get(id));
    }

    @GetMapping("/{id}/alerts")
    @Operation(summary = "A page of the case's alerts, oldest first, with how many it holds in total "
            + "(offset from 0, limit 1 to " + MAX_ALERTS_PAGE + ", 100 by default)")
    CaseDetails.AlertPage alerts(@PathVariable UUID id, @RequestParam(defaultValue = "0") long offset,
                                 @RequestParam(defaultValue = "" + CaseDetails.ALERTS_LISTED) int limit) {
        if (offset < 0) {
            throw new InvalidFieldException("offset", "must be 0 or more", List.of());
        }
        if (limit < 1 || limit > MAX_ALERTS_PAGE) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_ALERTS_PAGE, List.of());
        }
        queries.get(id);
        return new CaseDetails.AlertPage(queries.alertCount(id), offset, limit, queries.alerts(id, offset, limit));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The case's timeline, oldest first, with each entry's hash")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        queries.get(id);
        return timeline.entries(id);
    }

    @GetMapping("/{id}/timeline/verification")
    @Operation(summary = "Checks the timeline's hash chain and names the first broken entry")
    ChainVerification verify(@PathVariable UUID id) {
        queries.get(id);
        return timeline.verify(id);
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Adds a note (ANALYST, COMMUNICATIONS, MANAGER)")
    CaseDetails addNote(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Note note, Authentication user) {
        return details(commands.addNote(id, note.text(), user.getName()));
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "Records an action taken: containment, evidence collected, password reset, IP blocked… "
            + "(ANALYST, MANAGER)")
    CaseDetails recordAction(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Action action,
                             Authentication user) {
        return details(commands.recordAction(id, action.type(), action.description(), user.getName()));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assigns the incident (ANALYST, MANAGER)")
    CaseDetails assign(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Assignment assignment,
                       Authentication user) {
        return details(commands.assign(id, assignment.assignee(), user.getName()));
    }

    @PostMapping("/{id}/severity")
    @Operation(summary = "Changes the severity, with a reason (ANALYST, MANAGER)")
    CaseDetails changeSeverity(@PathVariable UUID id, @Valid @RequestBody CaseRequests.SeverityChange change,
                               Authentication user) {
        return details(commands.changeSeverity(id, change.severity(), change.reason(), user.getName()));
    }

    @PostMapping("/{id}/client-updates")
    @Operation(summary = "Posts an update that notification-service sends to the affected clients "
            + "(COMMUNICATIONS, ANALYST, MANAGER)")
    CaseDetails postClientUpdate(@PathVariable UUID id, @Valid @RequestBody CaseRequests.ClientUpdate update,
                                 Authentication user) {
        return details(commands.postClientUpdate(id, new ClientUpdate(messages(update), update.measures(),
                update.measuresTaken(), update.resolutionPlan(), update.estimatedResolutionAt()), user.getName()));
    }

    /** The texts of an update: {@code clientMessages}, or the older single {@code message} in its language. */
    private static ClientMessages messages(CaseRequests.ClientUpdate update) {
        ClientMessages texts = ClientMessages.of("clientMessages", update.clientMessages());
        if (update.message() == null || update.message().isBlank()) {
            return texts;
        }
        if (!texts.isEmpty()) {
            throw new InvalidFieldException("message", "give the texts in clientMessages only", List.of());
        }
        return ClientMessages.single("messageLanguage",
                update.messageLanguage() == null ? Language.EN.code() : update.messageLanguage(), update.message());
    }

    @PostMapping("/{id}/clients/{clientId}/confirm")
    @Operation(summary = "Confirms that a suggested client is affected: notification-service sends it its first "
            + "notice. While the case awaits attribution (incident.attribution AWAITING or DISMISSED: its clients "
            + "should be told but none is known), any client may be named. Confirming it again changes nothing "
            + "(COMMUNICATIONS, ANALYST, MANAGER)")
    CaseDetails confirmClient(@PathVariable UUID id, @PathVariable String clientId, Authentication user) {
        return details(commands.confirmClient(id, clientId, user.getName()));
    }

    @PostMapping("/{id}/clients")
    @Operation(summary = "Attaches a client to the incident, with the reason (on the timeline): any client of the "
            + "directory, on any open incident, even one with clients already, or one detached before. It becomes "
            + "an affected client and notification-service tells it as a newly affected client is told now "
            + "(published as CLIENTS_CONFIRMED). 400 without a reason; 409 when it is already affected "
            + "(ANALYST, MANAGER)")
    CaseDetails attachClient(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Attachment attachment,
                             Authentication user) {
        return details(commands.attachClient(id, attachment.clientId(), attachment.reason(), user.getName()));
    }

    @PostMapping("/{id}/clients/{clientId}/detachment")
    @Operation(summary = "Detaches an affected client from the incident, with the reason (on the timeline): it gets "
            + "no further notice about it, even if a later alert names it, until attached again; nothing is sent to "
            + "it to say so (published as CLIENT_DETACHED). 400 without a reason; 409 when it is not an affected "
            + "client (ANALYST, MANAGER)")
    CaseDetails detachClient(@PathVariable UUID id, @PathVariable String clientId,
                             @Valid @RequestBody CaseRequests.Detachment detachment, Authentication user) {
        return details(commands.detachClient(id, clientId, detachment.reason(), user.getName()));
    }

    @PostMapping("/{id}/attribution/dismissal")
    @Operation(summary = "Decides that no client is to be told about an incident awaiting attribution (the SOC's own "
            + "system, a test, a false positive), with the reason; published as CLIENTS_CONFIRMED with no client. "
            + "Again: nothing changes; 409 when nothing awaits attribution (ANALYST, MANAGER)")
    CaseDetails dismissAttribution(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Dismissal dismissal,
                                   Authentication user) {
        return details(commands.dismissAttribution(id, dismissal.reason(), user.getName()));
    }

    @PostMapping("/{id}/notices/{noticeId}/approval")
    @Operation(summary = "Approves a notice held for review: notification-service sends it at once, with the texts "
            + "added by language. Approving it again changes nothing; once its hold ended or it went out, 409 "
            + "(COMMUNICATIONS, MANAGER)")
    CaseDetails approveNotice(@PathVariable UUID id, @PathVariable UUID noticeId,
                              @RequestBody(required = false) CaseRequests.NoticeApproval approval,
                              Authentication user) {
        return details(commands.approveNotice(id, noticeId, ClientMessages.of("clientMessages",
                approval == null ? null : approval.clientMessages()), user.getName()));
    }

    @PostMapping("/{id}/messages/{messageId}/answer")
    @Operation(summary = "Answers a client's message in writing, in the contact's language: notification-service "
            + "sends it to that contact. One answer per message: a second is a 409 (COMMUNICATIONS, MANAGER)")
    CaseDetails answerClient(@PathVariable UUID id, @PathVariable UUID messageId,
                             @Valid @RequestBody CaseRequests.Answer answer, Authentication user) {
        return details(commands.answerClient(id, messageId, answer.text(), user.getName()));
    }

    @PostMapping("/{id}/calls")
    @Operation(summary = "Logs a phone call with a client (who, when, what was said); one that answered a client's "
            + "message marks it answered by phone (ANALYST, COMMUNICATIONS, MANAGER)")
    CaseDetails logCall(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Call call, Authentication user) {
        return details(commands.logCall(id, new PhoneCall(call.clientId(), call.contact(), call.at(), call.summary(),
                call.answersMessageId()), user.getName()));
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "Resolves the incident: the clients get the resolution notice (ANALYST, MANAGER)")
    CaseDetails resolve(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Resolution resolution,
                        Authentication user) {
        return details(commands.resolve(id, new Resolution(resolution.summary(),
                ClientMessages.of("clientMessages", resolution.clientMessages()), resolution.correctiveActions(),
                resolution.dataCompromised()), user.getName()));
    }

    private CaseDetails details(IncidentCase c) {
        Instant now = clocks.now();
        List<SlaClock> caseClocks = clocks.of(c);
        return new CaseDetails(CaseView.of(c), queries.clients(c.id()), queries.suggestedClients(c.id()),
                queries.detachedClients(c.id()),
                queries.clientTextLanguages(c.id()).stream().map(Language::code).toList(),
                queries.heldNotices(c.id()).stream().map(held -> CaseDetails.HeldNotice.of(held, now)).toList(),
                queries.clientMessages(c.id()).stream().map(CaseDetails.ClientQuestion::of).toList(),
                regulatoryReports.of(c.id()).stream().map(r -> CaseDetails.RegulatoryReportView.of(r, now)).toList(),
                queries.alertCount(c.id()), queries.alerts(c.id(), 0, CaseDetails.ALERTS_LISTED),
                notifyClock(c, caseClocks), caseClocks.stream().map(CaseDetails.Clock::of).toList());
    }

    private static String notifyClock(IncidentCase c, List<SlaClock> caseClocks) {
        ClockState state = SlaClocks.notifyState(c, caseClocks);
        return state == null ? null : state.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
