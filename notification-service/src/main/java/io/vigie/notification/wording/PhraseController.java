package io.vigie.notification.wording;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The phrase catalogue: read by every role; edited and reset by communications and managers. An edited set is
 * activated only when it is complete (422 naming each missing key and its language otherwise).
 */
@RestController
@RequestMapping("/api/phrases")
@Timed("vigie.notification.api.phrases")
class PhraseController {

    private static final String WRITERS = "hasAnyRole('COMMUNICATIONS', 'MANAGER')";

    private final Phrases phrases;

    PhraseController(Phrases phrases) {
        this.phrases = phrases;
    }

    record PhraseSetView(String set, String language, boolean edited) {
    }

    @GetMapping
    List<PhraseSetView> list() {
        List<PhraseSetView> sets = new ArrayList<>();
        for (String set : Phrases.setNames()) {
            for (String language : Languages.supported()) {
                sets.add(new PhraseSetView(set, language, phrases.edited(new Phrases.SetKey(set, language))));
            }
        }
        return sets;
    }

    @GetMapping("/{set}/{language}")
    Map<String, Object> get(@PathVariable String set, @PathVariable String language) {
        Phrases.SetKey key = key(set, language);
        return phrases.find(key).orElseThrow(() -> new NotFoundException("No phrase set " + key.id()));
    }

    @PutMapping("/{set}/{language}")
    @PreAuthorize(WRITERS)
    Map<String, Object> save(@PathVariable String set, @PathVariable String language,
                             @RequestBody Map<String, Object> body, Authentication caller) {
        Phrases.SetKey key = key(set, language);
        phrases.save(key, body, caller.getName());
        return body;
    }

    @DeleteMapping("/{set}/{language}")
    @PreAuthorize(WRITERS)
    ResponseEntity<Void> reset(@PathVariable String set, @PathVariable String language) {
        if (!phrases.reset(key(set, language))) {
            throw new NotFoundException("No edited phrase set " + set + "/" + language);
        }
        return ResponseEntity.noContent().build();
    }

    private static Phrases.SetKey key(String set, String language) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (!Phrases.setNames().contains(set)) {
            problems.add(InvalidInputException.field("set", "one of " + String.join(", ", Phrases.setNames())));
        }
        if (!Languages.supports(language)) {
            problems.add(InvalidInputException.field("language", "one of " + Languages.described()));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        return new Phrases.SetKey(set, language);
    }
}
