package io.vigie.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigie.intake.publish.Receipt;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an accepted request. {@code alertId} and {@code duplicate} are given when the request carried one
 * alert (Splunk, Wazuh, a single Kibana or generic alert); {@code alerts} always lists every alert of the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IntakeResponse(UUID alertId, Boolean duplicate, int published, int duplicates, List<Receipt> alerts) {

    static IntakeResponse of(List<Receipt> receipts) {
        int duplicates = (int) receipts.stream().filter(Receipt::duplicate).count();
        Receipt single = receipts.size() == 1 ? receipts.get(0) : null;
        return new IntakeResponse(single == null ? null : single.alertId(),
                single == null ? null : single.duplicate(), receipts.size() - duplicates, duplicates, receipts);
    }

    boolean anyPublished() {
        return published > 0;
    }
}
