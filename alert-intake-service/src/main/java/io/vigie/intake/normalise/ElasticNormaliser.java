package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.Indicator;
import io.vigie.intake.alert.SeverityHint;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.vigie.intake.normalise.PayloadReader.MAX_LONG_TEXT;
import static io.vigie.intake.normalise.PayloadReader.MAX_TEXT;

/**
 * Kibana's webhook connector sends whatever body the user templated, so Vigie defines the shape (the README has a
 * template to paste): {@code rule{id,name,severity,risk_score,url,tags}}, and either {@code alert{id,uuid}} (one
 * action per alert) or {@code alerts[]} (a summary action over {@code context.alerts}), each with optional
 * {@code host}, {@code user}, {@code source_ip}, {@code timestamp}; plus {@code date}, {@code results_link},
 * {@code client}. Empty objects in {@code alerts} are skipped: they are how a mustache list ends without a
 * trailing comma.
 */
@Component
class ElasticNormaliser implements Normaliser {

    private final int maxAlerts;

    ElasticNormaliser(IntakeProperties properties) {
        this.maxAlerts = properties.maxBatchSize();
    }

    @Override
    public SourceType type() {
        return SourceType.ELASTIC;
    }

    @Override
    public List<Alert> normalise(Source source, JsonNode payload, PayloadReader reader) {
        if (!payload.isObject()) {
            reader.error("", "must be a JSON object (see the Kibana template in the service README)");
            return List.of();
        }
        JsonNode rule = reader.requiredObject(payload.get("rule"), "/rule");
        if (rule == null) {
            return List.of();
        }
        String ruleId = reader.requiredText(rule.get("id"), "/rule/id", MAX_TEXT);
        String ruleName = reader.requiredText(rule.get("name"), "/rule/name", MAX_TEXT);
        String severity = reader.text(rule.get("severity"), "/rule/severity", 20);
        Double riskScore = reader.number(rule.get("risk_score"), "/rule/risk_score", 0, 100);
        String ruleUrl = reader.text(rule.get("url"), "/rule/url", MAX_LONG_TEXT);
        String resultsLink = reader.text(payload.get("results_link"), "/results_link", MAX_LONG_TEXT);
        List<String> ruleTags = splitTags(reader.texts(rule.get("tags"), "/rule/tags", MAX_LONG_TEXT));
        JsonNode single = payload.get("alert");
        JsonNode many = payload.get("alerts");
        List<JsonNode> items = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        if (!PayloadReader.absent(many)) {
            if (!many.isArray()) {
                reader.error("/alerts", "must be an array");
            } else if (many.size() > maxAlerts) {
                reader.error("/alerts", "must have at most " + maxAlerts + " alerts");
            } else {
                for (int i = 0; i < many.size(); i++) {
                    if (many.get(i).isObject() && !many.get(i).isEmpty()) {
                        items.add(many.get(i));
                        pointers.add("/alerts/" + i);
                    }
                }
            }
        } else if (reader.requiredObject(single, "/alert") != null) {
            items.add(single);
            pointers.add("/alert");
        }
        if (items.isEmpty() && !reader.hasErrors()) {
            reader.error("/alerts", "must hold at least one alert with an id");
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = pointers.get(i);
            String uuid = reader.text(item.get("uuid"), at + "/uuid", MAX_TEXT);
            String id = uuid != null ? uuid : reader.requiredText(item.get("id"), at + "/id", MAX_TEXT);
            AlertDraft draft = new AlertDraft();
            draft.sourceReference = id;
            draft.detectedAt = reader.instant(firstPresent(item.get("timestamp"), payload.get("date")),
                    at + "/timestamp");
            draft.asset = reader.text(firstPresent(item.get("host"), payload.get("host")), at + "/host", MAX_TEXT);
            draft.account(reader.text(firstPresent(item.get("user"), payload.get("user")), at + "/user", MAX_TEXT));
            String sourceIp = reader.text(firstPresent(item.get("source_ip"), payload.get("source_ip")),
                    at + "/source_ip", MAX_TEXT);
            if (sourceIp != null && !PayloadReader.isIpAddress(sourceIp)) {
                reader.error(at + "/source_ip", "must be an IP address");
            }
            if (reader.hasErrors()) {
                continue;
            }
            draft.title = ruleName;
            draft.description = PayloadReader.clipped(firstPresent(item.get("reason"), rule.get("description")),
                    MAX_LONG_TEXT);
            if (severity != null) {
                draft.severity(severity);
            }
            if (draft.severityHint == null && riskScore != null) {
                draft.sourceSeverity = draft.sourceSeverity != null ? draft.sourceSeverity : "risk " + riskScore;
                draft.severityHint = SeverityHint.fromRiskScore(riskScore);
            }
            draft.service = PayloadReader.clipped(firstPresent(item.get("service"), payload.get("service")), MAX_TEXT);
            draft.clientHint = PayloadReader.clipped(payload.get("client"), MAX_TEXT);
            draft.ip(sourceIp);
            if (sourceIp != null) {
                draft.indicator(Indicator.Type.IP, sourceIp);
            }
            draft.fingerprintBasis = ruleId + '\n' + (draft.asset == null ? "" : draft.asset) + '\n'
                    + (sourceIp == null ? "" : sourceIp);
            ruleTags.forEach(draft::tag);
            draft.link("Kibana alerts", resultsLink);
            draft.link("Kibana rule", ruleUrl);
            draft.attributes.put("rule.id", ruleId);
            if (riskScore != null) {
                draft.attributes.put("rule.risk_score", String.valueOf(riskScore));
            }
            PayloadReader.flatten("alert", item, draft.attributes);
            alerts.add(draft.build(source, reader.receivedAt()));
        }
        if (resultsLink != null && !PayloadReader.isWebUrl(resultsLink)) {
            reader.error("/results_link", "must be an http(s) URL");
        }
        return alerts;
    }

    private static JsonNode firstPresent(JsonNode first, JsonNode second) {
        return PayloadReader.absent(first) ? second : first;
    }

    /** Mustache renders {@code {{rule.tags}}} as "a,b,c". */
    private static List<String> splitTags(List<String> tags) {
        return tags.stream().flatMap(tag -> java.util.Arrays.stream(tag.split(","))).map(String::strip)
                .filter(tag -> !tag.isEmpty()).toList();
    }
}
