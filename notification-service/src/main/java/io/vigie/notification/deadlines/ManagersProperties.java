package io.vigie.notification.deadlines;

import io.vigie.notification.wording.Languages;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.UUID;

/**
 * The SOC's managers, warned by email when a regulatory report comes due and when it goes overdue.
 *
 * @param address       their mailbox; unset, nobody is emailed (regulatory-service's own pages still show the deadline)
 * @param language      language of that email (one of the phrase catalogue's: checked at start)
 * @param regulatoryUrl the incident's page in regulatory-service; {@code {incidentId}} is replaced
 */
@ConfigurationProperties("vigie.notification.managers")
public record ManagersProperties(String address, @DefaultValue("en") String language,
                                 @DefaultValue("http://127.0.0.1:8086/regulatory/incidents/{incidentId}")
                                 String regulatoryUrl) {

    public ManagersProperties {
        if (!Languages.supports(language)) {
            throw new IllegalStateException("vigie.notification.managers.language=" + language
                    + " is not a language of the phrase catalogue (" + Languages.described() + ")");
        }
        if (address != null && !address.isBlank()) {
            try {
                new InternetAddress(address.strip(), true);
            } catch (AddressException e) {
                throw new IllegalStateException("vigie.notification.managers.address is not an email address: "
                        + e.getMessage());
            }
        }
    }

    public boolean enabled() {
        return address != null && !address.isBlank();
    }

    String regulatoryUrl(UUID incidentId) {
        return regulatoryUrl.replace("{incidentId}", incidentId.toString());
    }
}
