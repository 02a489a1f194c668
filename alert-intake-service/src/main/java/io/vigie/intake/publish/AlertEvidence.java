package io.vigie.intake.publish;

import io.vigie.intake.publish.internal.EvidenceArchive;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.UUID;

/** The evidence kept behind each published alert, as analysts and auditors read it. */
@Service
public class AlertEvidence {

    private final EvidenceArchive archive;

    AlertEvidence(EvidenceArchive archive) {
        this.archive = archive;
    }

    /** The archived request behind an alert; empty when unknown or past retention. */
    public Optional<ArchivedAlert> find(UUID alertId) {
        return archive.find(alertId);
    }
}
