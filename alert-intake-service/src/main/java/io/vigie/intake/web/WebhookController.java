package io.vigie.intake.web;

import io.vigie.intake.source.SourceType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint per tool, each taking the tool's payload exactly as the tool sends it. The body is read raw (not bound
 * by Spring) because the signature and the evidence are about the bytes as they came.
 */
@RestController
class WebhookController {

    private final AlertIntake intake;

    WebhookController(AlertIntake intake) {
        this.intake = intake;
    }

    /** Splunk's webhook alert action cannot add headers, so its token is in the URL (and is never logged). */
    @PostMapping("/webhooks/splunk/{source}/{token}")
    ResponseEntity<IntakeResponse> splunk(@PathVariable String source, @PathVariable String token,
                                          HttpServletRequest request) {
        return intake.receive(SourceType.SPLUNK, source, token, request);
    }

    @PostMapping("/webhooks/alertmanager/{source}")
    ResponseEntity<IntakeResponse> alertmanager(@PathVariable String source, HttpServletRequest request) {
        return intake.receive(SourceType.ALERTMANAGER, source, null, request);
    }

    @PostMapping("/webhooks/wazuh/{source}")
    ResponseEntity<IntakeResponse> wazuh(@PathVariable String source, HttpServletRequest request) {
        return intake.receive(SourceType.WAZUH, source, null, request);
    }

    @PostMapping("/webhooks/elastic/{source}")
    ResponseEntity<IntakeResponse> elastic(@PathVariable String source, HttpServletRequest request) {
        return intake.receive(SourceType.ELASTIC, source, null, request);
    }

    /** Vigie's own API; the source is named in {@code X-Vigie-Source}, see the README for signing. */
    @PostMapping("/api/v1/alerts")
    ResponseEntity<IntakeResponse> generic(HttpServletRequest request) {
        return intake.receive(SourceType.GENERIC, request.getHeader(AlertIntake.SOURCE_HEADER), null, request);
    }
}
