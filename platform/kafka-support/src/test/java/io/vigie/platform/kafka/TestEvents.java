package io.vigie.platform.kafka;

import io.vigie.events.AlertRaised;
import io.vigie.events.Indicator;
import io.vigie.events.IndicatorType;
import io.vigie.events.Link;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realistic events for the serde and error-handling tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static AlertRaised lockedAccountAlert(String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setProducer("alert-intake-service")
                .setAlertId(UUID.randomUUID())
                .setSource(SourceKind.SPLUNK)
                .setSourceName("splunk-paris")
                .setSourceReference("scheduler__admin__search__RMD5f1_at_1700000000_" + UUID.randomUUID())
                .setFingerprint(UUID.randomUUID().toString())
                .setTitle(title)
                .setDescription("12 failed logins for j.dupont in 5 minutes, then the account was locked")
                .setSourceSeverity("high")
                .setSeverityHint(Severity.HIGH)
                .setDetectedAt(now.minusSeconds(42))
                .setReceivedAt(now)
                .setAsset("dc01.client-a.example")
                .setService("active-directory")
                .setAccounts(List.of("j.dupont"))
                .setIpAddresses(List.of("203.0.113.7"))
                .setIndicators(List.of(new Indicator(IndicatorType.IP, "203.0.113.7")))
                .setTags(List.of("authentication", "brute-force"))
                .setLinks(List.of(new Link("Splunk results", "https://splunk.client-a.example/app/search?sid=1")))
                .setClientHint("client-a")
                .setAttributes(Map.of("failed_logins", "12", "src_country", "NL"))
                .build();
    }
}
