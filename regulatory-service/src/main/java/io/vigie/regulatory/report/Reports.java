package io.vigie.regulatory.report;

import io.vigie.platform.web.problem.InvalidField;
import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.regulatory.RefusedException;
import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.incident.IncidentProjection;
import io.vigie.regulatory.obligation.DueSoon;
import io.vigie.regulatory.obligation.RegimeDecision;
import io.vigie.regulatory.obligation.RegimeDecisions;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.obligation.Stages;
import io.vigie.regulatory.regime.Regime;
import io.vigie.regulatory.regime.RegimeProfile;
import io.vigie.regulatory.regime.RegimeProfiles;
import io.vigie.regulatory.report.internal.DraftRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The reports of an incident and their drafts: pre-filled from the incident, completed by people, versioned. */
@Service
public class Reports {

    private final Stages stages;
    private final IncidentProjection incidents;
    private final RegimeProfiles profiles;
    private final RegimeDecisions decisions;
    private final DraftRepository drafts;
    private final DueSoon dueSoon;
    private final Clock clock;

    Reports(Stages stages, IncidentProjection incidents, RegimeProfiles profiles, RegimeDecisions decisions,
            DraftRepository drafts, DueSoon dueSoon, Clock clock) {
        this.stages = stages;
        this.incidents = incidents;
        this.profiles = profiles;
        this.decisions = decisions;
        this.drafts = drafts;
        this.dueSoon = dueSoon;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReportView> list(UUID incidentId) {
        Instant now = clock.instant();
        incident(incidentId);
        return stages.ofIncident(incidentId).stream().map(stage -> {
            Draft draft = draft(stage);
            return new ReportView(stage.clientId(), stage.regime(), stage.kind(), stage.kind().title(),
                    stage.kind().rule(), profile(stage.clientId()).authority(stage.regime()),
                    stage.state(now, dueSoon), stage.dueAt(),
                    new ReportView.DraftStatus(draft.version(), draft.missingKeys()), stage.submission());
        }).toList();
    }

    @Transactional(readOnly = true)
    public Draft draft(UUID incidentId, String clientId, ReportKind kind) {
        return draft(stages.get(incidentId, clientId, kind));
    }

    @Transactional(readOnly = true)
    List<Draft> versions(UUID incidentId, String clientId, ReportKind kind) {
        Stage stage = stages.get(incidentId, clientId, kind);
        List<Draft> versions = new ArrayList<>();
        versions.add(prefilled(stage));
        drafts.versions(stage.id()).forEach(v -> versions.add(build(stage, v.elements(), v.version(), v.savedAt(),
                v.savedBy())));
        return versions;
    }

    /**
     * Saves a new version: the given elements over the current draft (a blank value empties an element).
     *
     * @throws RefusedException 400 for an element the report does not have, 409 once the report is submitted or
     *                          withdrawn (what was sent stays what was sent)
     */
    @Transactional
    public Draft save(UUID incidentId, String clientId, ReportKind kind, Map<String, String> elements, String actor) {
        Stage stage = stages.get(incidentId, clientId, kind);
        if (stage.status() != Stage.Status.OPEN) {
            throw RefusedException.conflict(kind + " for client " + clientId + " is " + stage.status()
                    + ": its draft can no longer change");
        }
        List<String> allowed = ReportTemplate.of(kind).stream().map(ReportTemplate.ElementSpec::key).toList();
        List<InvalidField> unknown = elements.keySet().stream().filter(key -> !allowed.contains(key))
                .map(key -> new InvalidField("elements." + key, "is not an element of " + kind,
                        allowed)).toList();
        if (!unknown.isEmpty()) {
            throw new RefusedException(RefusedException.Kind.INVALID, "Unknown elements for " + kind, unknown);
        }
        Draft current = draft(stage);
        Map<String, String> values = new LinkedHashMap<>(current.values());
        elements.forEach((key, value) -> values.put(key, value == null || value.isBlank() ? null : value));
        drafts.save(stage.id(), current.version() + 1, values, actor, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return draft(stage);
    }

    /** The report as exported (JSON or PDF): the current draft, or what was sent, with its addressing and deadline. */
    @Transactional(readOnly = true)
    public ReportExport.Exported export(UUID incidentId, String clientId, ReportKind kind) {
        Stage stage = stages.get(incidentId, clientId, kind);
        return new ReportExport.Exported(incidentId, new ReportExport.Party(clientId, profiles.clientName(clientId)),
                profile(clientId).authority(kind.regime()), kind, kind.rule(), stage.dueAt(), draft(stage),
                stage.submission());
    }

    /** The latest saved version, or the pre-filled draft while none is saved. */
    Draft draft(Stage stage) {
        return drafts.latest(stage.id()).map(v -> build(stage, v.elements(), v.version(), v.savedAt(), v.savedBy()))
                .orElseGet(() -> prefilled(stage));
    }

    RegimeProfile profile(String clientId) {
        return profiles.find(clientId).orElseThrow(() -> new NotFoundException("No regime profile for " + clientId));
    }

    private Draft prefilled(Stage stage) {
        Incident incident = incident(stage.incidentId());
        RegimeProfile profile = profile(stage.clientId());
        List<String> criteria = decisions.ofIncident(stage.incidentId()).stream()
                .filter(d -> d.clientId().equals(stage.clientId()) && d.regime() == Regime.DORA)
                .map(RegimeDecision::triggeredBy).filter(Objects::nonNull).toList();
        return build(stage, Prefill.of(stage.kind(), incident, stage.clientId(), profile, criteria,
                Phrases.in(profile.language())), 0, null, null);
    }

    private Draft build(Stage stage, Map<String, String> values, int version, Instant savedAt, String savedBy) {
        Phrases words = Phrases.in(profile(stage.clientId()).language());
        List<Draft.Element> elements = ReportTemplate.of(stage.kind()).stream().map(spec -> new Draft.Element(
                spec.key(), words.get("element." + spec.key()), values.get(spec.key()), spec.mandatory())).toList();
        List<String> missing = elements.stream().filter(e -> e.mandatory() && (e.value() == null || e.value().isBlank()))
                .map(e -> e.key() + ": " + e.heading()).toList();
        return new Draft(stage.incidentId(), stage.clientId(), stage.kind(), words.language(),
                words.get("report." + stage.kind()), version, savedAt, savedBy, elements, missing);
    }

    private Incident incident(UUID incidentId) {
        return incidents.find(incidentId).orElseThrow(() -> new NotFoundException("Unknown incident " + incidentId));
    }
}
