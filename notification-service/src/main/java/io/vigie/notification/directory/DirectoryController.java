package io.vigie.notification.directory;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.platform.security.Roles;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The client directory: read by every role, changed by communications and managers. */
@RestController
@RequestMapping("/api/clients")
@Timed("vigie.notification.api.clients")
class DirectoryController {

    private static final String WRITERS = "hasAnyRole('COMMUNICATIONS', 'MANAGER')";

    private final ClientDirectory directory;
    private final WebhookTargets webhooks;

    DirectoryController(ClientDirectory directory, WebhookTargets webhooks) {
        this.directory = directory;
        this.webhooks = webhooks;
    }

    @GetMapping
    List<ClientView> list() {
        return directory.all().stream().map(ClientView::of).toList();
    }

    @GetMapping("/{id}")
    ClientView get(@PathVariable String id) {
        return directory.find(id).map(ClientView::of)
                .orElseThrow(() -> new NotFoundException("No client '" + id + "'"));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    ClientView replace(@PathVariable String id, @RequestBody ClientRequest request) {
        ClientRequest withId = request.withId(id);
        String storedSecret = directory.find(id).map(c -> c.webhook().secret()).orElse(null);
        List<Map<String, String>> problems = withId.problems("", storedSecret, webhooks::refusal);
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        Client client = withId.toClient(storedSecret);
        directory.saveAll(List.of(client));
        return ClientView.of(client);
    }

    /** Creates or replaces every client of the list, or none when any of them is invalid. */
    @PostMapping("/import")
    @PreAuthorize(WRITERS)
    Map<String, Integer> importClients(@RequestBody List<ClientRequest> requests) {
        List<Map<String, String>> problems = new ArrayList<>();
        List<Client> clients = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            ClientRequest request = requests.get(i);
            if (request == null) {
                problems.add(InvalidInputException.field("[" + i + "]", "must not be null"));
                continue;
            }
            if (request.id() != null && !ids.add(request.id())) {
                problems.add(InvalidInputException.field("[" + i + "].id", "appears twice in the import"));
            }
            String storedSecret = request.id() == null ? null
                    : directory.find(request.id()).map(c -> c.webhook().secret()).orElse(null);
            List<Map<String, String>> own = request.problems("[" + i + "].", storedSecret, webhooks::refusal);
            problems.addAll(own);
            if (own.isEmpty()) {
                clients.add(request.toClient(storedSecret));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        directory.saveAll(clients);
        return Map.of("imported", clients.size());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!directory.delete(id)) {
            throw new NotFoundException("No client '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * A client as the API shows it: the webhook secret never leaves the service, and a caller who only reads (the
     * VIEWER role, nothing more) sees the contacts' email addresses and phone numbers masked, as in the deliveries.
     * Wide: the JSON body of {@code GET /api/clients}, an API contract, the mirror of {@link ClientRequest}.
     */
    record ClientView(String id, String name, String minimumSeverity, List<String> channels, boolean outOfBand,
                      String webhookUrl, boolean webhookSecretSet, String timeZone, ContractView contract,
                      Map<String, List<String>> channelsBySeverity, List<ReviewRuleView> reviewGate,
                      List<ContactView> contacts) {
        static ClientView of(Client client) {
            return new ClientView(client.id(), client.name(), client.minimumSeverity().name(),
                    client.reach().channels().stream().map(Enum::name).toList(), client.reach().outOfBand(),
                    client.webhook().url(), client.webhook().secret() != null, client.timeZone() == null ? null : client.timeZone().getId(),
                    ContractView.of(client.contract()), together(client.reach().channelsBySeverity()),
                    client.reviewGate().rules().stream().map(ReviewRuleView::of).toList(), (readerMayContact() ? client.contacts()
                    : client.contacts().stream().map(ClientView::masked).toList()).stream().map(ContactView::of)
                    .toList());
        }

        private static Contact masked(Contact contact) {
            return new Contact(contact.id(), contact.name(), contact.role(),
                    contact.email() == null ? null : RecipientMask.mask(Channel.EMAIL, contact.email()),
                    contact.phone() == null ? null : RecipientMask.mask(Channel.SMS, contact.phone()), contact.language(),
                    contact.timeZone(), contact.channelsBySeverity());
        }

        /** Whether the caller holds a role that acts (analyst, communications, manager), not only VIEWER. */
        private static boolean readerMayContact() {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(role -> role.equals("ROLE_" + Roles.ANALYST) || role.equals("ROLE_" + Roles.COMMUNICATIONS)
                            || role.equals("ROLE_" + Roles.MANAGER));
        }
    }

    record ContactView(String id, String name, String role, String email, String phone, String language,
                       String timeZone, Map<String, List<String>> channelsBySeverity) {
        static ContactView of(Contact contact) {
            return new ContactView(contact.id(), contact.name(), contact.role(), contact.email(), contact.phone(),
                    contact.language(), contact.timeZone() == null ? null : contact.timeZone().getId(),
                    together(contact.channelsBySeverity()));
        }
    }

    private static Map<String, List<String>> together(ChannelsBySeverity together) {
        Map<String, List<String>> view = new TreeMap<>();
        together.together().forEach((severity, channels) -> view.put(severity.name(),
                channels.stream().map(Enum::name).toList()));
        return view;
    }

    record ReviewRuleView(List<String> severities, List<String> categories, String hold) {
        static ReviewRuleView of(ReviewGate.Rule rule) {
            return new ReviewRuleView(rule.severities().stream().map(Enum::name).toList(),
                    rule.categories().stream().map(Enum::name).toList(), rule.hold().toString());
        }
    }

    record ContractView(String supportLine, String supportHours, List<String> offers, Map<String, String> updateEvery) {
        static ContractView of(Contract contract) {
            Map<String, String> every = new TreeMap<>();
            contract.updateEvery().forEach((severity, duration) -> every.put(severity.name(), duration.toString()));
            return new ContractView(contract.supportLine(), contract.supportHours(),
                    contract.offers().stream().map(Enum::name).toList(), every);
        }
    }
}
