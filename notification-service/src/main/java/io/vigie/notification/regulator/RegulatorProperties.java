package io.vigie.notification.regulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GDPR notifications.
 *
 * @param dpoContact the data protection officer's contact, printed in every Article 33 notification
 */
@ConfigurationProperties("vigie.notification.regulator")
public record RegulatorProperties(@DefaultValue("Data protection officer, dpo@vigie.local") String dpoContact) {
}
