package io.vigie.regulatory.obligation;

import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.incident.IncidentChanged;
import io.vigie.regulatory.incident.IncidentProjection;
import io.vigie.regulatory.obligation.internal.Awareness;
import io.vigie.regulatory.obligation.internal.PersonalDataFlags;
import io.vigie.regulatory.regime.Regime;
import io.vigie.regulatory.regime.RegimeProfile;
import io.vigie.regulatory.regime.RegimeProfileSaved;
import io.vigie.regulatory.regime.RegimeProfiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, for each client of an incident that has a regime profile, which regimes the incident triggers, and
 * opens their first reports. Each regime is proposed once per incident and client: after that only a manager's
 * decision changes it. Safe to run twice or concurrently: proposals and stages are inserted only if absent.
 */
@Service
public class Triggers {

    private final RegimeProfiles profiles;
    private final RegimeDecisions decisions;
    private final PersonalDataFlags flags;
    private final Awareness awareness;
    private final Criteria criteria;
    private final Stages stages;
    private final IncidentProjection incidents;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Instant trackSince;

    /**
     * @param trackSince {@code vigie.regulatory.track-incidents-since}: incidents first classified before it open no
     *                   report by themselves (an analyst's flag or a manager's decision still does). Set it to the
     *                   first deployment's time, so that reading the topics' history does not open reports, already
     *                   overdue, for incidents handled before the service existed.
     */
    Triggers(RegimeProfiles profiles, RegimeDecisions decisions, PersonalDataFlags flags, Awareness awareness,
             Criteria criteria, Stages stages, IncidentProjection incidents, Clock clock,
             PlatformTransactionManager transactionManager,
             @Value("${vigie.regulatory.track-incidents-since:}") String trackSince) {
        this.profiles = profiles;
        this.decisions = decisions;
        this.flags = flags;
        this.awareness = awareness;
        this.criteria = criteria;
        this.stages = stages;
        this.incidents = incidents;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.trackSince = trackSince == null || trackSince.isBlank() ? null : Instant.parse(trackSince.strip());
    }

    /** In the listener's transaction: the reports open with the event's claim, or neither happens. */
    @EventListener
    void on(IncidentChanged changed) {
        if (tracked(changed.incident())) {
            evaluate(changed.incident());
        }
    }

    /** A new or changed profile: the client's unresolved incidents may now ask for reports. */
    @EventListener
    void on(RegimeProfileSaved saved) {
        for (Incident incident : incidents.unresolved()) {
            if (incident.clientIds().contains(saved.clientId()) && tracked(incident)) {
                evaluate(incident);
            }
        }
    }

    /**
     * The "unresolved for" criteria become true with time alone, with no event to say so: the clock calls this.
     * Each incident in its own transaction, so one failing does not hold the others back.
     */
    public void reevaluateUnresolved() {
        for (Incident incident : incidents.unresolved()) {
            if (tracked(incident)) {
                transactions.executeWithoutResult(status -> evaluate(incident));
            }
        }
    }

    private boolean tracked(Incident incident) {
        return trackSince == null || !incident.firstClassifiedAt().isBefore(trackSince);
    }

    void evaluate(Incident incident) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (String clientId : clients(incident)) {
            Optional<RegimeProfile> profile = profiles.find(clientId);
            if (profile.isEmpty()) {
                continue;
            }
            Instant awareAt = awareness.ensure(incident.id(), clientId, incident.firstClassifiedAt());
            Optional<String> personalData = personalData(incident, clientId);
            if (profile.get().bound(Regime.GDPR) && personalData.isPresent()
                    && decisions.propose(incident.id(), clientId, Regime.GDPR, personalData.get(), now)) {
                // GDPR Art. 33(1): a personal-data breach is notified unless unlikely to result in a risk; the clock
                // runs from now on, and a manager may decide it is not to be notified (kept in the register, 33(5)).
                stages.open(incident.id(), clientId, ReportKind.GDPR_AUTHORITY_NOTIFICATION, awareAt,
                        Deadlines.due(ReportKind.GDPR_AUTHORITY_NOTIFICATION, awareAt, null, null), null,
                        "Personal data involved: " + personalData.get());
            }
            for (Regime regime : List.of(Regime.NIS2, Regime.DORA)) {
                if (!profile.get().bound(regime)) {
                    continue;
                }
                List<String> matched = criteria.matching(regime, incident, personalData.isPresent(), now);
                String proposal = "Proposed: criteria matched: " + String.join(", ", matched);
                if (!matched.isEmpty() && decisions.propose(incident.id(), clientId, regime, proposal, now)) {
                    openRegime(regime, incident.id(), clientId, awareAt, now, null, proposal);
                }
            }
        }
    }

    /**
     * The first reports of a regime that applies. NIS2 Art. 23(4)(a)(b): the early warning and the incident
     * notification run from awareness together. DORA Art. 19(4)(a): the initial notification.
     */
    void openRegime(Regime regime, UUID incidentId, String clientId, Instant awareAt,
                    Instant classifiedMajorAt, String actor, String reason) {
        List<ReportKind> first = switch (regime) {
            case NIS2 -> List.of(ReportKind.NIS2_EARLY_WARNING, ReportKind.NIS2_INCIDENT_NOTIFICATION);
            case DORA -> List.of(ReportKind.DORA_INITIAL_NOTIFICATION);
            case GDPR -> List.of(ReportKind.GDPR_AUTHORITY_NOTIFICATION);
        };
        for (ReportKind kind : first) {
            stages.open(incidentId, clientId, kind, awareAt, Deadlines.due(kind, awareAt, classifiedMajorAt, null),
                    actor, reason);
        }
    }

    /** Where personal data of the client comes from, if it is involved. */
    private Optional<String> personalData(Incident incident, String clientId) {
        if (incident.client(clientId).personalData()) {
            return Optional.of("the client's affected data categories include personal data");
        }
        if (incident.classification().personalDataInvolved()) {
            return Optional.of("triage classified the incident as involving personal data");
        }
        return flags.of(incident.id(), clientId).map(flag -> "flagged by analyst " + flag);
    }

    /** The affected clients, and those an analyst flagged as having personal data involved. */
    private Set<String> clients(Incident incident) {
        Set<String> clients = new LinkedHashSet<>(incident.clientIds());
        clients.addAll(flags.clients(incident.id()));
        return clients;
    }
}
