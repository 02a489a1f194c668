package io.vigie.notification.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Internal escalation: a CRITICAL incident also alerts the security lead on duty by SMS, out of band as the runbooks
 * advise (the SOC's own email may be what is compromised).
 *
 * @param onDutyPhone the on-duty lead's phone; unset, nobody is alerted
 * @param onDutyName  how the lead appears in deliveries and events
 * @param language    language of the alert ({@code fr} or {@code en})
 */
@ConfigurationProperties("vigie.notification.escalation")
public record EscalationProperties(String onDutyPhone, @DefaultValue("Security lead on duty") String onDutyName,
                                   @DefaultValue("fr") String language) {

    /** The client id under which the on-duty alerts are recorded and published. */
    public static final String ON_DUTY = "soc-on-duty";

    public boolean enabled() {
        return onDutyPhone != null && !onDutyPhone.isBlank();
    }
}
