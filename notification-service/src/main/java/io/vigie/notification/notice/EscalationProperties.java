package io.vigie.notification.notice;

import io.vigie.notification.wording.Languages;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Internal escalation: a CRITICAL incident also alerts the security lead on duty by SMS, out of band as the runbooks
 * advise (the SOC's own email may be what is compromised).
 *
 * @param onDutyPhone the on-duty lead's phone; unset, nobody is alerted
 * @param onDutyName  how the lead appears in deliveries and events
 * @param language    language of the alert (one of the phrase catalogue's: checked at start)
 */
@ConfigurationProperties("vigie.notification.escalation")
public record EscalationProperties(String onDutyPhone, @DefaultValue("Security lead on duty") String onDutyName,
                                   @DefaultValue("fr") String language) {

    public EscalationProperties {
        if (!Languages.supports(language)) {
            throw new IllegalStateException("vigie.notification.escalation.language=" + language
                    + " is not a language of the phrase catalogue (" + Languages.described() + ")");
        }
    }

    public boolean enabled() {
        return onDutyPhone != null && !onDutyPhone.isBlank();
    }
}
