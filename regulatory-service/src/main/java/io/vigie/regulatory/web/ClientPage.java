package io.vigie.regulatory.web;

import io.vigie.regulatory.register.BreachRegister;
import io.vigie.regulatory.regime.RegimeProfiles;
import io.vigie.regulatory.regime.RegimeRequest;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;

/** {@code /regulatory/clients/{clientId}}: the client's regime profile (managers save it) and its breach register. */
@Controller
class ClientPage {

    private final RegimeProfiles profiles;
    private final BreachRegister register;
    private final Validator validator;

    ClientPage(RegimeProfiles profiles, BreachRegister register, Validator validator) {
        this.profiles = profiles;
        this.register = register;
        this.validator = validator;
    }

    /** The overview's "open a client" field: a client without a profile yet gets an empty form. */
    @GetMapping("/regulatory/clients")
    String open(@RequestParam String clientId) {
        return "redirect:" + path(clientId.strip());
    }

    @GetMapping("/regulatory/clients/{clientId}")
    String client(@PathVariable String clientId, Model model) {
        var profile = profiles.find(clientId);
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", profiles.clientName(clientId));
        model.addAttribute("profile", profile.orElse(null));
        // After a refused save the form shows what was typed (flashed), not the stored profile.
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", profile.map(ProfileForm::of).orElse(ProfileForm.EMPTY));
        }
        model.addAttribute("register", register.of(clientId));
        return "regulatory/client";
    }

    @PostMapping("/regulatory/clients/{clientId}")
    @PreAuthorize("hasRole('MANAGER')")
    String save(@PathVariable String clientId, @RequestParam MultiValueMap<String, String> fields, Principal caller,
                RedirectAttributes redirect) {
        ProfileForm form = ProfileForm.read(fields);
        RegimeRequest request = form.request();
        if (Flash.invalid(redirect, validator.validate(request))) {
            redirect.addFlashAttribute("form", form);
        } else {
            profiles.save(clientId, request, caller.getName());
            Flash.notice(redirect, "Profile saved: the client's unresolved incidents were evaluated again.");
        }
        return "redirect:" + path(clientId);
    }

    /** Client ids are the directory's, not ours: encoded, never pasted into a path. */
    private static String path(String clientId) {
        return UriComponentsBuilder.fromPath("/regulatory/clients/{clientId}").buildAndExpand(clientId).encode()
                .toUriString();
    }
}
