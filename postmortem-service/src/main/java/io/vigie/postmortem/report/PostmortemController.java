package io.vigie.postmortem.report;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

/** Every role reads (the platform's chain admits only Vigie roles); analysts edit; managers approve. */
@RestController
@RequestMapping("/api")
class PostmortemController {

    private final Postmortems postmortems;

    PostmortemController(Postmortems postmortems) {
        this.postmortems = postmortems;
    }

    @GetMapping("/postmortems")
    List<Postmortem> list(@RequestParam(required = false) Postmortem.Status status) {
        return postmortems.list(status);
    }

    @GetMapping("/postmortems/{id}")
    Postmortem get(@PathVariable UUID id) {
        return postmortems.get(id);
    }

    @GetMapping("/incidents/{incidentId}/postmortem")
    Postmortem forIncident(@PathVariable UUID incidentId) {
        return postmortems.forIncident(incidentId);
    }

    @PutMapping("/postmortems/{id}/analysis")
    @PreAuthorize("hasAnyRole('ANALYST', 'MANAGER')")
    Postmortem revise(@PathVariable UUID id, @Valid @RequestBody Analysis analysis, Principal caller) {
        return postmortems.revise(id, analysis, caller.getName());
    }

    @PostMapping("/postmortems/{id}/approval")
    @PreAuthorize("hasRole('MANAGER')")
    Postmortem approve(@PathVariable UUID id, Principal caller) {
        return postmortems.approve(id, caller.getName());
    }

    @PostMapping("/action-items/{itemId}/completion")
    @PreAuthorize("hasAnyRole('ANALYST', 'MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable UUID itemId) {
        postmortems.completeActionItem(itemId);
    }
}
