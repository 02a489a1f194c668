package io.vigie.localstack.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalWebhookSources;
import io.vigie.localstack.VigieService;

/**
 * A phishing email, replayed through the real Elastic webhook as Kibana's webhook connector posts it for an Elastic
 * Security detection rule: the action's body is the template of alert-intake-service's README for a summary of the
 * rule run's alerts ({@code {{#context.alerts}}…{{/context.alerts}}}), rendered as Kibana renders it. A message posing
 * as a document-signing service, with a link to a page harvesting passwords, was delivered to fourteen mailboxes of
 * client A's Exchange server. Triage's default policy makes it a HIGH PHISHING incident (the rule's own severity); a
 * phishing attempt is not a compromise of the mail server, so client A's contacts are told by email.
 */
final class PhishingDemo {

    /** The detection rule's id in Kibana: the same rule on every replay. */
    static final String RULE_ID = "c3f2a4b6-5d1e-4f7a-9b8c-2e6d0a1f3b57";
    static final String RULE_NAME = "Phishing: credential-harvesting link delivered to several mailboxes";
    /** The sending server (documentation range, not on the seed's known-threat list). */
    static final String SENDER_IP = "198.51.100.77";

    private PhishingDemo() {
    }

    static DemoHttp.Posted post(LocalStack stack, DemoHttp http) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant delivered = now.minus(3, ChronoUnit.MINUTES);
        // Elasticsearch's id of the alert document, new on every replay; Vigie's fingerprint of it (rule, host,
        // sending address) stays the same, so a replay within 10 minutes is acknowledged as a repeat.
        String alertId = sha256("phishing-demo/" + now);
        String kibana = "https://kibana.soc.example:5601";
        // As mustache renders the template: a missing user.name is an empty string, and the final {} ends the list.
        String body = """
                {
                  "rule": {
                    "id": "%1$s",
                    "name": "%2$s",
                    "severity": "high",
                    "risk_score": "73",
                    "url": "%3$s/app/security/rules/id/%1$s",
                    "tags": "Email,Phishing,Initial Access,T1566.002"
                  },
                  "alerts": [{"id": "%4$s", "host": "%5$s", "user": "", "source_ip": "%6$s", "timestamp": "%7$s",
                              "reason": "email event with source %6$s, sender docs@secure-esign.example, subject 'Document à signer : avenant n°3', delivered to 14 mailboxes, created high alert %2$s."}, {}],
                  "date": "%8$s",
                  "results_link": "%3$s/app/security/detections/rules/id/%1$s?timerange=(global:(timerange:(from:'%7$s',kind:absolute,to:'%8$s')))"
                }
                """.formatted(RULE_ID, RULE_NAME, kibana, alertId, SeedData.CLIENT_A_MAIL_SERVER, SENDER_IP, delivered,
                now);
        LocalWebhookSources sources = stack.webhookSources();
        String url = sources.elasticUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl());
        return http.postAlert("Elastic", url, body, Map.of("Authorization", "Bearer " + sources.elasticToken()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
