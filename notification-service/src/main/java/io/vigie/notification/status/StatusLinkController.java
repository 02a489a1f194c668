package io.vigie.notification.status;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's status page links, for those who may change the client directory: which exist and in what state, and
 * revoking one (a contact left, a link was forwarded) or all of them. The links themselves are never shown here: they
 * are credentials, and only the notices carry them. The next notice to a contact whose link was revoked carries a new one.
 */
@RestController
@RequestMapping("/api/clients/{clientId}/status-links")
@PreAuthorize("hasAnyRole('COMMUNICATIONS', 'MANAGER')")
@Timed("vigie.notification.api.status-links")
class StatusLinkController {

    private final StatusLinks links;
    private final ClientDirectory directory;
    private final Clock clock;

    StatusLinkController(StatusLinks links, ClientDirectory directory, Clock clock) {
        this.links = links;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping
    List<LinkView> list(@PathVariable String clientId) {
        Client client = client(clientId);
        return links.of(clientId).stream().map(link -> LinkView.of(link, client, clock.instant())).toList();
    }

    @PostMapping("/{linkId}/revocation")
    LinkView revoke(@PathVariable String clientId, @PathVariable String linkId, Authentication caller) {
        Client client = client(clientId);
        StatusLink link = link(clientId, linkId);
        if (!links.revoke(link.id(), caller.getName())) {
            StatusLink revoked = links.find(link.id()).orElseThrow();
            throw new InvalidInputException(409, "The link was already revoked on " + revoked.revokedAt() + " by "
                    + revoked.revokedBy(), List.of(InvalidInputException.field("linkId", "already revoked")));
        }
        return LinkView.of(links.find(link.id()).orElseThrow(), client, clock.instant());
    }

    /** Revokes every link of the client that still works. */
    @PostMapping("/revocation")
    Map<String, Integer> revokeAll(@PathVariable String clientId, Authentication caller) {
        client(clientId);
        return Map.of("revoked", links.revokeAll(clientId, caller.getName()));
    }

    private Client client(String clientId) {
        return directory.find(clientId).orElseThrow(() -> new NotFoundException("No client '" + clientId + "'"));
    }

    private StatusLink link(String clientId, String linkId) {
        Optional<UUID> id;
        try {
            id = Optional.of(UUID.fromString(linkId));
        } catch (IllegalArgumentException e) {
            id = Optional.empty();
        }
        return id.flatMap(links::find).filter(link -> link.clientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("No status link '" + linkId + "' for client '" + clientId
                        + "'"));
    }

    /** A link as the API shows it: whose it is and its state, never the link itself. */
    record LinkView(UUID id, String contactId, String contactName, Instant createdAt, Instant expiresAt, String state,
                    Instant revokedAt, String revokedBy) {
        static LinkView of(StatusLink link, Client client, Instant now) {
            String name = client.contacts().stream().filter(contact -> contact.id().equals(link.contactId()))
                    .map(Contact::name).findFirst().orElse(null);
            return new LinkView(link.id(), link.contactId(), name, link.createdAt(), link.expiresAt(),
                    link.state(now).name(), link.revokedAt(), link.revokedBy());
        }
    }
}
