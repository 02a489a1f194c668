package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.Indicator;
import io.vigie.intake.alert.SeverityHint;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.vigie.intake.normalise.PayloadReader.MAX_LONG_TEXT;
import static io.vigie.intake.normalise.PayloadReader.MAX_TEXT;

/**
 * A Wazuh alert as the manager's integrator hands it to a custom integration (the alerts.json format):
 * {@code timestamp}, {@code id}, {@code rule{id,level,description,groups,mitre,gdpr...}}, {@code agent{id,name,ip}},
 * {@code data} (decoder fields), {@code full_log}, {@code location}.
 */
@Component
class WazuhNormaliser implements Normaliser {

    static final String GDPR_TAG = "gdpr:";

    @Override
    public SourceType type() {
        return SourceType.WAZUH;
    }

    @Override
    public List<Alert> normalise(Source source, JsonNode payload, PayloadReader reader) {
        AlertDraft alert = new AlertDraft();
        alert.sourceReference = reader.requiredText(payload.get("id"), "/id", MAX_TEXT);
        alert.detectedAt = reader.instant(payload.get("timestamp"), "/timestamp");
        if (PayloadReader.absent(payload.get("timestamp"))) {
            reader.error("/timestamp", "is required");
        }
        JsonNode rule = reader.requiredObject(payload.get("rule"), "/rule");
        JsonNode agent = payload.path("agent");
        JsonNode data = payload.path("data");
        if (rule == null) {
            return List.of();
        }
        Integer level = reader.integer(rule.get("level"), "/rule/level", 0, 16);
        if (PayloadReader.absent(rule.get("level"))) {
            reader.error("/rule/level", "is required");
        }
        alert.title = reader.requiredText(rule.get("description"), "/rule/description", MAX_TEXT);
        String ruleId = reader.text(rule.get("id"), "/rule/id", MAX_TEXT);
        if (reader.hasErrors()) {
            return List.of();
        }
        alert.sourceSeverity = "level " + level;
        alert.severityHint = SeverityHint.fromWazuhLevel(level);
        alert.description = PayloadReader.clipped(payload.get("full_log"), MAX_LONG_TEXT);
        alert.asset = PayloadReader.clipped(agent.get("name"), MAX_TEXT);
        alert.service = PayloadReader.clipped(data.get("service"), MAX_TEXT);
        alert.clientHint = PayloadReader.clipped(agent.path("labels").get("client"), MAX_TEXT);
        String agentId = PayloadReader.clipped(agent.get("id"), MAX_TEXT);
        alert.ip(PayloadReader.clipped(agent.get("ip"), MAX_TEXT));
        for (String field : List.of("srcip", "dstip")) {
            alert.ip(PayloadReader.clipped(data.get(field), MAX_TEXT));
        }
        String sourceIp = PayloadReader.clipped(data.get("srcip"), MAX_TEXT);
        // The same rule on the same agent from the same address is one thing happening, whatever the alert id.
        alert.fingerprintBasis = ruleId + '\n' + agentId + '\n' + alert.asset + '\n' + (sourceIp == null ? "" : sourceIp);
        if (PayloadReader.isIpAddress(sourceIp)) {
            alert.indicator(Indicator.Type.IP, sourceIp);
        }
        for (String field : List.of("srcuser", "dstuser", "user")) {
            alert.account(PayloadReader.clipped(data.get(field), MAX_TEXT));
        }
        alert.account(PayloadReader.clipped(data.path("win").path("eventdata").get("targetUserName"), MAX_TEXT));
        for (String hash : List.of("md5_after", "sha1_after", "sha256_after")) {
            String value = PayloadReader.clipped(payload.path("syscheck").get(hash), MAX_TEXT);
            if (value != null) {
                alert.indicator(Indicator.Type.FILE_HASH, value);
            }
        }
        reader.texts(rule.get("groups"), "/rule/groups", MAX_TEXT).forEach(alert::tag);
        reader.texts(rule.path("mitre").get("id"), "/rule/mitre/id", MAX_TEXT).forEach(alert::tag);
        // Wazuh maps its rules to the GDPR articles they bear on (rule.gdpr, e.g. "IV_35.7.d" for Art. 35(7)(d)).
        // Tagged so triage can see the source itself says personal data may be involved; the tag keeps within
        // the bound of every other text. What the law then asks of a client is regulatory-service's to decide.
        reader.texts(rule.get("gdpr"), "/rule/gdpr", MAX_TEXT - GDPR_TAG.length())
                .forEach(reference -> alert.tag(GDPR_TAG + reference));
        PayloadReader.flatten("rule", rule, alert.attributes);
        PayloadReader.flatten("agent", agent, alert.attributes);
        PayloadReader.flatten("data", data, alert.attributes);
        PayloadReader.flatten("decoder", payload.get("decoder"), alert.attributes);
        PayloadReader.flatten("manager", payload.get("manager"), alert.attributes);
        String location = PayloadReader.clipped(payload.get("location"), MAX_TEXT);
        if (location != null) {
            alert.attributes.put("location", location);
        }
        return List.of(alert.build(source, reader.receivedAt()));
    }
}
