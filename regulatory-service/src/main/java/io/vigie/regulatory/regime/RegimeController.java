package io.vigie.regulatory.regime;

import io.vigie.platform.web.problem.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Every role reads the profiles; only managers set them (they decide which laws bind a client). */
@RestController
@RequestMapping("/api/clients")
class RegimeController {

    private final RegimeProfiles profiles;

    RegimeController(RegimeProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/regimes")
    List<RegimeProfile> list() {
        return profiles.list();
    }

    @GetMapping("/{clientId}/regimes")
    RegimeProfile get(@PathVariable String clientId) {
        return profiles.find(clientId).orElseThrow(() -> new NotFoundException("No regime profile for client " + clientId));
    }

    @PutMapping("/{clientId}/regimes")
    @PreAuthorize("hasRole('MANAGER')")
    RegimeProfile save(@PathVariable String clientId, @Valid @RequestBody RegimeRequest request, Principal caller) {
        return profiles.save(clientId, request, caller.getName());
    }
}
