package io.vigie.intake.web;

import io.vigie.intake.publish.AlertEvidence;
import io.vigie.intake.publish.ArchivedAlert;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The evidence behind an alert (the {@code alertId} of its AlertRaised), for analysts and auditors: Vigie users. */
@RestController
class EvidenceController {

    private final AlertEvidence alertEvidence;

    EvidenceController(AlertEvidence alertEvidence) {
        this.alertEvidence = alertEvidence;
    }

    // Wide: the JSON body of GET /api/v1/evidence/{alertId}, an API contract analysts' tools read field by field.
    record EvidenceView(UUID alertId, String sourceName, String sourceType, String sourceReference,
                        Instant receivedAt, String remoteAddress, Map<String, String> headers, String body,
                        String bodyBase64, long repeatCount, Instant lastSeenAt) {
    }

    @GetMapping("/api/v1/evidence/{alertId}")
    @PreAuthorize("hasAnyRole('VIEWER', 'ANALYST', 'COMMUNICATIONS', 'MANAGER')")
    ResponseEntity<?> evidence(@PathVariable UUID alertId) {
        return alertEvidence.find(alertId).<ResponseEntity<?>>map(alert -> ResponseEntity.ok(view(alert)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "No evidence for that alert id (unknown, or past retention).")));
    }

    private static EvidenceView view(ArchivedAlert alert) {
        String text = null;
        String base64 = null;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(alert.body())).toString();
        } catch (CharacterCodingException e) {
            base64 = Base64.getEncoder().encodeToString(alert.body());
        }
        return new EvidenceView(alert.alertId(), alert.sourceName(), alert.sourceType(), alert.sourceReference(),
                alert.receivedAt(), alert.remoteAddress(), alert.headers(), text, base64, alert.repeatCount(),
                alert.lastSeenAt());
    }
}
