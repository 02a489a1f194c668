package io.vigie.regulatory.obligation;

import io.vigie.regulatory.regime.Regime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Analysts flag personal data; managers decide whether a regime applies and when the client became aware. */
@RestController
@RequestMapping("/api/incidents/{incidentId}")
class ObligationController {

    private final Decisions decisions;

    ObligationController(Decisions decisions) {
        this.decisions = decisions;
    }

    record PersonalDataRequest(@NotBlank @Size(max = 200) String clientId, @NotBlank String reason) {
    }

    record AwarenessChanged(UUID incidentId, String clientId, Instant awareAt) {
    }

    @GetMapping("/regimes")
    List<RegimeDecision> regimes(@PathVariable UUID incidentId) {
        return decisions.ofIncident(incidentId);
    }

    @PostMapping("/personal-data")
    @PreAuthorize("hasAnyRole('ANALYST', 'MANAGER')")
    List<RegimeDecision> personalData(@PathVariable UUID incidentId, @Valid @RequestBody PersonalDataRequest request,
                                      Principal caller) {
        return decisions.flagPersonalData(incidentId, request.clientId(), request.reason(), caller.getName());
    }

    @PostMapping("/clients/{clientId}/gdpr-decision")
    @PreAuthorize("hasRole('MANAGER')")
    RegimeDecision gdprDecision(@PathVariable UUID incidentId, @PathVariable String clientId,
                                @Valid @RequestBody DecisionRequests.Gdpr request, Principal caller) {
        return decisions.decideGdpr(incidentId, clientId, request.notifyAuthority(), request.highRiskToDataSubjects(),
                request.reason(), caller.getName());
    }

    @PostMapping("/clients/{clientId}/regimes/{regime}/decision")
    @PreAuthorize("hasRole('MANAGER')")
    RegimeDecision regimeDecision(@PathVariable UUID incidentId, @PathVariable String clientId,
                                  @PathVariable Regime regime, @Valid @RequestBody DecisionRequests.Applicability request,
                                  Principal caller) {
        return decisions.decideRegime(incidentId, clientId, regime, request.applies(), request.reason(),
                caller.getName());
    }

    @PutMapping("/clients/{clientId}/awareness")
    @PreAuthorize("hasRole('MANAGER')")
    AwarenessChanged awareness(@PathVariable UUID incidentId, @PathVariable String clientId,
                               @Valid @RequestBody DecisionRequests.Awareness request, Principal caller) {
        return new AwarenessChanged(incidentId, clientId, decisions.changeAwareness(incidentId, clientId,
                request.awareAt(), request.reason(), caller.getName()));
    }
}
