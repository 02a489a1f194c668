package io.vigie.notification.conversation;

import io.vigie.notification.wording.Languages;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.UUID;

/**
 * The SOC's communications role, told by email of every message a client writes.
 *
 * @param address  its mailbox; unset, nobody is emailed (the case dashboard still shows the unanswered question)
 * @param language language of that email (one of the phrase catalogue's: checked at start)
 * @param caseUrl  the case page in case-service's dashboard; {@code {incidentId}} is replaced
 */
@ConfigurationProperties("vigie.notification.comms")
public record CommsProperties(String address, @DefaultValue("en") String language,
                              @DefaultValue("http://127.0.0.1:8084/dashboard/cases/{incidentId}") String caseUrl) {

    public CommsProperties {
        if (!Languages.supports(language)) {
            throw new IllegalStateException("vigie.notification.comms.language=" + language
                    + " is not a language of the phrase catalogue (" + Languages.described() + ")");
        }
        if (address != null && !address.isBlank()) {
            try {
                new InternetAddress(address.strip(), true);
            } catch (AddressException e) {
                throw new IllegalStateException("vigie.notification.comms.address is not an email address: "
                        + e.getMessage());
            }
        }
    }

    public boolean enabled() {
        return address != null && !address.isBlank();
    }

    String caseUrl(UUID incidentId) {
        return caseUrl.replace("{incidentId}", incidentId.toString());
    }
}
