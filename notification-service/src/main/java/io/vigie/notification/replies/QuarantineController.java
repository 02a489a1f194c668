package io.vigie.notification.replies;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.conversation.ClientMessage;
import io.vigie.notification.replies.internal.Quarantine;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The quarantine desk, and the originals of every mail read from the replies mailbox. Clients' mails are theirs:
 * only the roles that write to clients read them.
 */
@RestController
@RequestMapping("/api/replies")
@PreAuthorize("hasAnyRole('COMMUNICATIONS', 'MANAGER')")
@Timed("vigie.notification.api.replies")
class QuarantineController {

    private static final MediaType RFC822 = new MediaType("message", "rfc822");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Quarantine quarantine;

    QuarantineController(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    record Attach(String incidentId, String clientId, String contactId) {
    }

    record Attached(UUID id, String state, UUID messageId, UUID incidentId, String clientId, String contactId,
                    String attachedBy) {
    }

    record Discard(String reason) {
    }

    record Discarded(UUID id, String state) {
    }

    @GetMapping("/quarantine")
    List<Quarantine.Waiting> waiting() {
        return quarantine.waiting();
    }

    @GetMapping("/quarantine/{id}")
    Quarantine.Item item(@PathVariable String id) {
        return quarantine.find(mailId(id));
    }

    @PostMapping("/quarantine/{id}/attach")
    Attached attach(@PathVariable String id, @RequestBody Attach attach, Authentication caller) {
        ClientMessage message = quarantine.attach(mailId(id), attach.incidentId(), attach.clientId(),
                attach.contactId(), caller.getName());
        return new Attached(mailId(id), "ATTACHED", message.id(), message.incidentId(), message.author().clientId(),
                message.author().contactId(), message.origin().attachedBy());
    }

    @PostMapping("/quarantine/{id}/discard")
    Discarded discard(@PathVariable String id, @RequestBody Discard discard, Authentication caller) {
        quarantine.discard(mailId(id), discard.reason(), caller.getName());
        return new Discarded(mailId(id), "DISCARDED");
    }

    /** The mail exactly as read from the mailbox: its SHA-256 is the one on the case timeline. */
    @GetMapping("/originals/{sha256}")
    ResponseEntity<byte[]> original(@PathVariable String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new NotFoundException("No mail with SHA-256 " + sha256.replaceAll("[^0-9A-Za-z]", "?"));
        }
        byte[] raw = quarantine.original(sha256)
                .orElseThrow(() -> new NotFoundException("No mail with SHA-256 " + sha256));
        return ResponseEntity.ok().contentType(RFC822)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(sha256 + ".eml").build().toString())
                .body(raw);
    }

    private static UUID mailId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No mail " + id.replaceAll("[^0-9A-Za-z-]", "?") + " from the replies mailbox");
        }
    }
}
