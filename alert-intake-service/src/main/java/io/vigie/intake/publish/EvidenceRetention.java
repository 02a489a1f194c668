package io.vigie.intake.publish;

import io.vigie.intake.publish.internal.EvidenceArchive;
import io.vigie.intake.source.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** Forgets evidence past {@code vigie.intake.retention}: raw payloads hold personal data, kept no longer than needed. */
@Component
class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final EvidenceArchive archive;
    private final Clock clock;
    private final Duration retention;

    EvidenceRetention(EvidenceArchive archive, Clock clock, IntakeProperties properties) {
        this.archive = archive;
        this.clock = clock;
        this.retention = properties.retention();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetExpired() {
        int deleted = archive.forgetBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} raw payloads older than {}", deleted, retention);
        }
    }
}
