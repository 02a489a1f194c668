package io.vigie.notification.template;

import io.vigie.notification.notice.Category;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.notice.Severity;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a template can print. Every key is always present (null when the stage has nothing for it), so a typo
 * in a template fails when it is saved rather than when a client should have been told.
 */
public final class TemplateModel {

    /** The names templates may use, as documented in the README. */
    public static final List<String> KEYS = List.of("incidentRef", "title", "severity", "category", "context",
            "impact", "services", "assets", "personalData", "measures", "resolutionPlan", "eta",
            "recommendedActions", "update", "sequence", "dataCompromised", "correctiveActions", "lessons",
            "surveyUrl", "ackUrl", "agreementQuestion", "agreementUrl", "clientName", "contactName", "supportContact",
            "updateEvery");

    private TemplateModel() {
    }

    public static Map<String, Object> of(NoticeContent content, NoticeContext context) {
        boolean french = "fr".equals(context.language());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("incidentRef", context.incidentId().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        model.put("title", content.title());
        model.put("severity", severity(content.severity(), french));
        model.put("category", category(content.category(), french));
        model.put("context", content.context());
        model.put("impact", content.impact());
        model.put("services", content.services());
        model.put("assets", content.assets());
        model.put("personalData", content.personalData());
        model.put("measures", content.measures());
        model.put("resolutionPlan", content.resolutionPlan());
        model.put("eta", content.estimatedResolutionAt() == null ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(french ? Locale.FRANCE : Locale.UK).withZone(context.zone())
                .format(content.estimatedResolutionAt()) + " (" + context.zone().getId() + ")");
        model.put("recommendedActions", content.recommendedActions());
        model.put("update", content.update());
        model.put("sequence", context.sequence());
        model.put("dataCompromised", content.dataCompromised());
        model.put("correctiveActions", content.correctiveActions());
        model.put("lessons", content.lessons());
        model.put("surveyUrl", context.surveyUrl());
        model.put("ackUrl", context.ackUrl());
        model.put("agreementQuestion", content.agreementQuestion());
        model.put("agreementUrl", context.agreementUrl());
        model.put("clientName", context.clientName());
        model.put("contactName", context.contactName());
        model.put("supportContact", context.supportContact());
        model.put("updateEvery", hours(context.updateEvery()));
        return model;
    }

    private static String hours(Duration every) {
        if (every == null || every.isZero()) {
            return null;
        }
        return every.toMinutes() % 60 == 0 ? every.toHours() + " h" : every.toMinutes() + " min";
    }

    static String severity(Severity severity, boolean french) {
        if (severity == null) {
            return null;
        }
        return switch (severity) {
            case CRITICAL -> french ? "critique" : "critical";
            case HIGH -> french ? "élevée" : "high";
            case MEDIUM -> french ? "moyenne" : "medium";
            case LOW -> french ? "faible" : "low";
        };
    }

    static String category(Category category, boolean french) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case ACCOUNT_COMPROMISE -> french ? "compte compromis ou verrouillé" : "compromised or locked account";
            case MALWARE -> french ? "logiciel malveillant" : "malware";
            case DATA_BREACH -> french ? "violation de données" : "data breach";
            case DDOS_OUTAGE -> french ? "interruption de service (DDoS)" : "service outage (DDoS)";
            case PHISHING -> french ? "hameçonnage" : "phishing";
            case VULNERABILITY -> french ? "vulnérabilité" : "vulnerability";
            case POLICY_VIOLATION -> french ? "non-respect d'une politique de sécurité" : "security policy violation";
            case OTHER -> french ? "incident de sécurité" : "security incident";
        };
    }
}
