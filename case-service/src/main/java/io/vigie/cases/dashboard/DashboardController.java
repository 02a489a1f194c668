package io.vigie.cases.dashboard;

import io.vigie.cases.incident.ActionType;
import io.vigie.cases.incident.AwaitingReview;
import io.vigie.cases.incident.CaseCommands;
import io.vigie.cases.incident.CaseFilter;
import io.vigie.cases.incident.CaseNotFoundException;
import io.vigie.cases.incident.CaseQueries;
import io.vigie.cases.incident.CaseStatus;
import io.vigie.cases.incident.ClientMessage;
import io.vigie.cases.incident.ClientMessages;
import io.vigie.cases.incident.ClientUpdate;
import io.vigie.cases.incident.HeldNotice;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.InvalidTransitionException;
import io.vigie.cases.incident.Language;
import io.vigie.cases.incident.Measure;
import io.vigie.cases.incident.PhoneCall;
import io.vigie.cases.incident.Resolution;
import io.vigie.cases.incident.Severity;
import io.vigie.cases.regulatory.RegulatoryAttention;
import io.vigie.cases.regulatory.RegulatoryReports;
import io.vigie.cases.sla.ClockState;
import io.vigie.cases.sla.SlaClock;
import io.vigie.cases.sla.SlaClocks;
import io.vigie.cases.timeline.Timeline;
import io.vigie.platform.security.Roles;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ops dashboard: the live board, each case's page with its timeline and the command forms. Pages are rendered
 * here (Thymeleaf escapes every value); the browser only reloads fragments of them when the live stream says a
 * case changed.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    private static final String BOARD = "case-dashboard/board";
    private static final String CASE = "case-dashboard/case";
    private static final String CLIENT_MESSAGES = "clientMessages.";
    /** How many months of CSAT the satisfaction page shows, this one included. */
    private static final int CSAT_MONTHS = 12;
    /** How many alerts the case page lists; the API pages through the rest. */
    private static final int ALERTS_LISTED = 100;
    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    private final CaseQueries queries;
    private final CaseCommands commands;
    private final Timeline timeline;
    private final SlaClocks clocks;
    private final DashboardCharts charts;
    private final LiveBoard live;
    private final NoticePreview preview;
    private final RegulatoryReports regulatoryReports;
    private final String chartJsVersion;

    DashboardController(CaseQueries queries, CaseCommands commands, Timeline timeline, SlaClocks clocks,
                        DashboardCharts charts, LiveBoard live, NoticePreview preview,
                        RegulatoryReports regulatoryReports) {
        this.queries = queries;
        this.commands = commands;
        this.timeline = timeline;
        this.clocks = clocks;
        this.charts = charts;
        this.live = live;
        this.preview = preview;
        this.regulatoryReports = regulatoryReports;
        this.chartJsVersion = new org.webjars.WebJarVersionLocator().version("chart.js");
    }

    @GetMapping("/login")
    String login() {
        return "case-dashboard/login";
    }

    @GetMapping
    String board(@RequestParam Map<String, String> params, Model model, Authentication user) {
        boardModel(params, model, user);
        model.addAttribute("chartJsVersion", chartJsVersion);
        return BOARD;
    }

    /** The part of the board that the live stream redraws. */
    @GetMapping("/board")
    String boardFragment(@RequestParam Map<String, String> params, Model model, Authentication user) {
        boardModel(params, model, user);
        return BOARD + " :: live";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return live.subscribe();
    }

    @GetMapping("/charts")
    @ResponseBody
    DashboardCharts.Charts charts(@RequestParam(defaultValue = "7") int days) {
        return charts.lastDays(Math.max(1, Math.min(days, 90)));
    }

    @GetMapping("/cases/{id}")
    String casePage(@PathVariable UUID id, Model model, Authentication user) {
        caseModel(id, model, user);
        return CASE;
    }

    @GetMapping("/cases/{id}/live")
    String caseFragment(@PathVariable UUID id, Model model, Authentication user) {
        caseModel(id, model, user);
        return CASE + " :: live";
    }

    @PostMapping("/cases/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Authentication user,
                   RedirectAttributes flash) {
        return act(id, flash, "Note added.", () -> commands.addNote(id, text, user.getName()));
    }

    @PostMapping("/cases/{id}/actions")
    String recordAction(@PathVariable UUID id, @RequestParam(defaultValue = "OTHER") ActionType type,
                        @RequestParam(defaultValue = "") String description, Authentication user,
                        RedirectAttributes flash) {
        return act(id, flash, "Action recorded.", () -> commands.recordAction(id, type, description, user.getName()));
    }

    @PostMapping("/cases/{id}/assignment")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String assignee, Authentication user,
                  RedirectAttributes flash) {
        return act(id, flash, "Assigned.", () -> commands.assign(id, assignee, user.getName()));
    }

    @PostMapping("/cases/{id}/severity")
    String changeSeverity(@PathVariable UUID id, @RequestParam Severity severity,
                          @RequestParam(defaultValue = "") String reason, Authentication user,
                          RedirectAttributes flash) {
        return act(id, flash, "Severity changed.",
                () -> commands.changeSeverity(id, severity, reason, user.getName()));
    }

    @PostMapping("/cases/{id}/client-updates")
    String postClientUpdate(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                            @RequestParam(defaultValue = "") List<String> measures,
                            @RequestParam(defaultValue = "") String resolutionPlan,
                            @RequestParam(defaultValue = "") String estimatedResolutionAt, Authentication user,
                            RedirectAttributes flash) {
        return act(id, flash, "Update posted: notification-service sends each contact the text in their language.",
                () -> commands.postClientUpdate(id, new ClientUpdate(clientMessages(form), measures(measures),
                        List.of(), resolutionPlan, utc(estimatedResolutionAt)), user.getName()));
    }

    @PostMapping("/cases/{id}/clients/{clientId}/confirm")
    String confirmClient(@PathVariable UUID id, @PathVariable String clientId, Authentication user,
                         RedirectAttributes flash) {
        return act(id, flash, "Client " + clientId + " confirmed: notification-service sends it its first notice.",
                () -> commands.confirmClient(id, clientId, user.getName()));
    }

    /** Names the client of an incident nobody knew the client of: the same command as confirming a suggestion. */
    @PostMapping("/cases/{id}/attribution")
    String attribute(@PathVariable UUID id, @RequestParam(defaultValue = "") String clientId, Authentication user,
                     RedirectAttributes flash) {
        return act(id, flash, "Client " + clientId.strip() + " named: notification-service sends it its first notice.",
                () -> commands.confirmClient(id, clientId, user.getName()));
    }

    @PostMapping("/cases/{id}/clients")
    String attachClient(@PathVariable UUID id, @RequestParam(defaultValue = "") String clientId,
                        @RequestParam(defaultValue = "") String reason, Authentication user,
                        RedirectAttributes flash) {
        return act(id, flash, "Client " + clientId.strip() + " attached: notification-service tells it as a newly "
                        + "affected client.",
                () -> commands.attachClient(id, clientId, reason, user.getName()));
    }

    @PostMapping("/cases/{id}/clients/{clientId}/detachment")
    String detachClient(@PathVariable UUID id, @PathVariable String clientId,
                        @RequestParam(defaultValue = "") String reason, Authentication user,
                        RedirectAttributes flash) {
        return act(id, flash, "Client " + clientId + " detached: it gets no further notice about this incident.",
                () -> commands.detachClient(id, clientId, reason, user.getName()));
    }

    @PostMapping("/cases/{id}/attribution/dismissal")
    String dismissAttribution(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                              Authentication user, RedirectAttributes flash) {
        return act(id, flash, "Attribution dismissed: no client will be told.",
                () -> commands.dismissAttribution(id, reason, user.getName()));
    }

    @PostMapping("/cases/{id}/notices/{noticeId}/approval")
    String approveNotice(@PathVariable UUID id, @PathVariable UUID noticeId,
                         @RequestParam MultiValueMap<String, String> form, Authentication user,
                         RedirectAttributes flash) {
        return act(id, flash, "Notice approved: notification-service sends it now, each contact with the text of "
                        + "their language if one was added.",
                () -> commands.approveNotice(id, noticeId, clientMessages(form), user.getName()));
    }

    @PostMapping("/cases/{id}/messages/{messageId}/answer")
    String answerClient(@PathVariable UUID id, @PathVariable UUID messageId,
                        @RequestParam(defaultValue = "") String text, Authentication user, RedirectAttributes flash) {
        return act(id, flash, "Answer sent: notification-service sends it to the contact, in their language.",
                () -> commands.answerClient(id, messageId, text, user.getName()));
    }

    @PostMapping("/cases/{id}/calls")
    String logCall(@PathVariable UUID id, @RequestParam(defaultValue = "") String clientId,
                   @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String at,
                   @RequestParam(defaultValue = "") String summary,
                   @RequestParam(defaultValue = "") String answersMessageId, Authentication user,
                   RedirectAttributes flash) {
        return act(id, flash, "Call logged.", () -> commands.logCall(id, new PhoneCall(clientId, contact,
                utc("at", at), summary, answersMessageId.isBlank() ? null : uuid(answersMessageId)), user.getName()));
    }

    /** The clients' satisfaction per client and month, from their survey answers, and the latest answers. */
    @GetMapping("/csat")
    String csat(Model model, Authentication user) {
        YearMonth from = YearMonth.from(clocks.now().atOffset(ZoneOffset.UTC)).minusMonths(CSAT_MONTHS - 1L);
        model.addAttribute("from", from.toString());
        model.addAttribute("figures", queries.csat(from));
        model.addAttribute("latest", queries.latestSurveyAnswers(20));
        user(model, user);
        return "case-dashboard/csat";
    }

    @PostMapping("/cases/{id}/resolution")
    String resolve(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                   @RequestParam(defaultValue = "") String summary,
                   @RequestParam(defaultValue = "") String correctiveActions,
                   @RequestParam(defaultValue = "false") boolean dataCompromised, Authentication user,
                   RedirectAttributes flash) {
        return act(id, flash, "Incident resolved: the clients get the resolution notice.",
                () -> commands.resolve(id, new Resolution(summary, clientMessages(form), lines(correctiveActions),
                        dataCompromised), user.getName()));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(CaseNotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "case-dashboard/not-found";
    }

    private String act(UUID id, RedirectAttributes flash, String done, Runnable command) {
        try {
            command.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidTransitionException | NotFoundException | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (AccessDeniedException e) {
            flash.addFlashAttribute("error", "Your role does not allow this.");
        }
        return "redirect:/dashboard/cases/" + id;
    }

    private void boardModel(Map<String, String> params, Model model, Authentication user) {
        CaseFilter filter = new CaseFilter(parse(Severity.class, params.get("severity")),
                parse(CaseStatus.class, params.get("status")), blankToNull(params.get("client")),
                blankToNull(params.get("category")), blankToNull(params.get("assignee")));
        Instant now = clocks.now();
        List<IncidentCase> listed = queries.list(filter);
        List<IncidentCase> activeCases = filter.equals(CaseFilter.active()) ? listed
                : queries.list(CaseFilter.active());
        Map<UUID, IncidentCase> shown = new LinkedHashMap<>();
        listed.forEach(c -> shown.put(c.id(), c));
        activeCases.forEach(c -> shown.putIfAbsent(c.id(), c));
        Map<UUID, AwaitingReview> awaitingReview = queries.awaitingReview(shown.keySet(), now);
        Map<UUID, List<SlaClock>> caseClocks = clocks.of(List.copyOf(shown.values()));
        Map<UUID, RegulatoryAttention> regulatory = regulatoryReports.attention(shown.keySet(), now);
        List<BoardRow> rows = listed.stream().map(c -> row(c, caseClocks, awaitingReview, regulatory)).toList();
        List<BoardRow> active = filter.equals(CaseFilter.active()) ? rows
                : activeCases.stream().map(c -> row(c, caseClocks, awaitingReview, regulatory)).toList();
        Map<Severity, Long> openBySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            // The default list also holds resolved and closed cases with a client message unanswered: not open.
            openBySeverity.put(severity, active.stream().filter(row -> row.incident().status().isActive())
                    .filter(row -> row.incident().severity() == severity).count());
        }
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("openBySeverity", openBySeverity);
        model.addAttribute("breaches", active.stream().filter(BoardRow::breached).count());
        model.addAttribute("awaitingAttribution", active.stream()
                .filter(row -> row.incident().awaitingAttribution()).count());
        model.addAttribute("failedNotices", queries.failedNotices());
        model.addAttribute("regulatoryDue", active.stream().filter(row -> row.regulatory() != null).count());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("clients", queries.clientIds());
        model.addAttribute("categories", queries.categories());
        model.addAttribute("assignees", queries.assignees());
        model.addAttribute("now", now);
        user(model, user);
    }

    private void caseModel(UUID id, Model model, Authentication user) {
        IncidentCase c = queries.get(id);
        model.addAttribute("c", c);
        model.addAttribute("clients", queries.clients(id));
        model.addAttribute("detachedClients", queries.detachedClients(id));
        model.addAttribute("suggestions", queries.suggestedClients(id));
        model.addAttribute("attributable", c.status().isActive() && c.audience().attribution().anyClientMayBeNamed());
        model.addAttribute("knownClients", queries.clientIds());
        Map<String, List<Language>> contactLanguages = queries.contactLanguages(id);
        model.addAttribute("contactLanguages", contactLanguages);
        model.addAttribute("languagesSeen", !contactLanguages.isEmpty());
        model.addAttribute("textLanguages", queries.clientTextLanguages(id));
        model.addAttribute("measures", Measure.values());
        Instant now = clocks.now();
        List<HeldNotice> held = queries.heldNotices(id);
        model.addAttribute("heldNotices", held);
        List<HeldNotice> awaiting = held.stream().filter(notice -> notice.state(now).pending()).toList();
        model.addAttribute("awaitingReview", awaiting);
        Map<UUID, List<NoticePreview.Link>> previews = new HashMap<>();
        awaiting.forEach(notice -> previews.put(notice.notice().id(), preview.links(notice)));
        model.addAttribute("previews", previews);
        model.addAttribute("reviewedNotices", held.stream().filter(notice -> !notice.state(now).pending()).toList());
        // A storm case holds thousands of alerts: the page lists the first ones and says how many there are.
        model.addAttribute("alerts", queries.alerts(id, 0, ALERTS_LISTED));
        model.addAttribute("alertCount", queries.alertCount(id));
        List<SlaClock> caseClocks = clocks.of(c);
        model.addAttribute("clocks", caseClocks);
        model.addAttribute("noClientAffected", SlaClocks.notifyState(c, caseClocks) == ClockState.NO_CLIENT_AFFECTED);
        model.addAttribute("regulatoryReports", regulatoryReports.of(id));
        List<ClientMessage> questions = queries.clientMessages(id);
        model.addAttribute("questions", questions);
        Map<UUID, SlaClock> answerClocks = new HashMap<>();
        caseClocks.stream().filter(k -> k.messageId() != null).forEach(k -> answerClocks.put(k.messageId(), k));
        model.addAttribute("answerClocks", answerClocks);
        model.addAttribute("unansweredQuestions", questions.stream().filter(m -> !m.answered()).toList());
        model.addAttribute("callClients", queries.clientsOf(id));
        model.addAttribute("callAt", FORM_TIME.format(now.truncatedTo(ChronoUnit.MINUTES)));
        model.addAttribute("entries", timeline.entries(id));
        model.addAttribute("verification", timeline.verify(id));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("actionTypes", ActionType.values());
        model.addAttribute("now", now);
        user(model, user);
    }

    private BoardRow row(IncidentCase c, Map<UUID, List<SlaClock>> caseClocks,
                         Map<UUID, AwaitingReview> awaitingReview, Map<UUID, RegulatoryAttention> regulatory) {
        return new BoardRow(c, caseClocks.get(c.id()), queries.clients(c.id()), awaitingReview.get(c.id()),
                regulatory.get(c.id()));
    }

    private static void user(Model model, Authentication user) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean manager = roles.contains("ROLE_" + Roles.MANAGER);
        boolean analyst = manager || roles.contains("ROLE_" + Roles.ANALYST);
        model.addAttribute("user", user.getName());
        model.addAttribute("canAct", analyst);
        model.addAttribute("canCommunicate", analyst || roles.contains("ROLE_" + Roles.COMMUNICATIONS));
        model.addAttribute("canReview", manager || roles.contains("ROLE_" + Roles.COMMUNICATIONS));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The form's client texts: one field per language, {@code clientMessages.fr} and so on. */
    private static ClientMessages clientMessages(MultiValueMap<String, String> form) {
        Map<String, String> byCode = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(CLIENT_MESSAGES) && !values.isEmpty()) {
                byCode.put(name.substring(CLIENT_MESSAGES.length()), values.get(0));
            }
        });
        return ClientMessages.of("clientMessages", byCode);
    }

    private static List<Measure> measures(List<String> codes) {
        List<Measure> measures = new ArrayList<>();
        for (String code : codes) {
            if (!code.isBlank()) {
                measures.add(Arrays.stream(Measure.values()).filter(measure -> measure.name().equals(code))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("measures: unknown measure")));
            }
        }
        return measures;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The form's datetime-local field, read as UTC like every time on the dashboard. */
    private static Instant utc(String dateTime) {
        return utc("estimated resolution", dateTime);
    }

    private static Instant utc(String field, String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a date and time: " + dateTime);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("answersMessageId: not a message id");
        }
    }
}
