package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the classification's transaction when an incident involves personal data, so that the regulator
 * notice is prepared with the notices, both or neither.
 *
 * @param awareAt  when the SOC became aware of the breach (the classification), which starts the 72 hours
 * @param deadline GDPR art. 33: notify the supervisory authority by then
 */
public record PersonalDataBreach(UUID incidentId, Instant awareAt, Instant deadline, String title, String context,
                                 String impact, List<String> dataCategories, List<String> clientIds,
                                 List<String> measures) {
}
