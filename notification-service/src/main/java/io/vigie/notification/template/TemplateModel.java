package io.vigie.notification.template;

import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.PhraseBook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a template can print, every one in the contact's language: the notice's facts worded by the phrase
 * catalogue, dates in the contact's time zone. Nothing here comes from a raw alert. Every key is always present
 * (null or empty when the stage has nothing for it), so a typo in a template fails when it is saved rather than when a
 * client should have been told.
 */
public final class TemplateModel {

    /** The names templates may use, as documented in the README. */
    public static final List<String> KEYS = List.of("incidentRef", "clientName", "contactName", "subjectCategory",
            "category", "severity", "detectedAt", "context", "services", "data", "impact", "measures", "plan", "eta",
            "changes", "message", "news", "advice", "offers", "resolved", "dataOutcome", "sequence", "scheduled",
            "ackUrl", "agreementQuestion", "agreementUrl", "surveyUrl", "supportContact", "updateEvery", "brief",
            "questionUrl", "question", "questionAskedAt", "nextUpdate", "statusUrl");

    private TemplateModel() {
    }

    public static Map<String, Object> of(NoticeContent content, NoticeContext context, PhraseBook book) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("severity", book.severity(content.facts().severity()));
        values.put("category", book.category(content.facts().category()));
        values.put("services", book.list(content.facts().services()));
        values.put("dataCategories",
                book.list(content.facts().dataCategories().stream().map(book::dataCategory).toList()));
        values.put("detectedAt", book.dateTime(content.facts().detectedAt(), context.reader().zone()));
        values.put("eta", book.dateTime(content.facts().estimatedResolutionAt(), context.reader().zone()));
        values.put("supportLine", context.support().supportLine());
        values.put("supportHours", book.supportHours(context.support().supportHours()));

        boolean initial = context.stage() == Stage.INITIAL;
        List<String> changes = changes(content, book, values);
        boolean newCategory = content.changes().previousCategory() != null;
        boolean dataNow = !content.changes().newDataCategories().isEmpty();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("incidentRef", context.incidentId().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        model.put("clientName", context.reader().clientName());
        model.put("contactName", context.reader().contactName());
        model.put("subjectCategory", book.category(content.subjectCategory()));
        model.put("category", values.get("category"));
        model.put("severity", values.get("severity"));
        model.put("detectedAt", values.get("detectedAt"));
        model.put("context", context(content, book, values));
        model.put("services", content.facts().services());
        model.put("data", content.facts().dataCategories().isEmpty() ? book.common("context.noData")
                : book.common("context.data", values));
        model.put("impact", book.about(content.facts().category(), "impact"));
        // An UPDATE says its new measures under what changed; what was done before is listed once, below.
        List<String> measures = content.facts().measures().stream()
                .filter(code -> context.stage() != Stage.UPDATE || !content.changes().newMeasures().contains(code))
                .map(book::measure).toList();
        // Before resolution, no measure yet means the analysts are on it; after it, an empty list says nothing.
        boolean open = initial || context.stage() == Stage.UPDATE;
        model.put("measures", measures.isEmpty() && open ? List.of(book.measure("ANALYSIS_STARTED")) : measures);
        model.put("plan", book.about(content.facts().category(), "plan"));
        model.put("eta", values.get("eta"));
        model.put("changes", changes);
        model.put("message", content.words().messages().get(context.reader().language()));
        model.put("news", !changes.isEmpty() || model.get("message") != null);
        // Advice and offers where they are news: the first notice, or an update that changed what kind of incident it
        // is or brought data into it. A category's advice and the general advice are merged, each item once.
        boolean advise = initial || newCategory || dataNow;
        model.put("advice", advise ? book.advice(content.facts().category()) : List.of());
        model.put("offers", advise ? book.offers(content.facts().category(), context.support().offers(), values)
                : List.of());
        model.put("resolved", context.stage() == Stage.RESOLUTION ? book.common("resolution.resolved") : null);
        model.put("dataOutcome", content.dataCompromised() == null ? null : book.common(content.dataCompromised()
                ? "resolution.dataCompromised" : "resolution.noDataCompromised"));
        model.put("sequence", context.sequence());
        model.put("scheduled", content.scheduled());
        model.put("ackUrl", context.links().ackUrl());
        model.put("agreementQuestion", content.words().questions().get(context.reader().language()));
        model.put("agreementUrl", context.links().agreementUrl());
        model.put("surveyUrl", context.links().surveyUrl());
        model.put("supportContact", context.support().supportContact());
        model.put("updateEvery", hours(context.updateEvery()));
        model.put("questionUrl", context.links().questionUrl());
        // ANSWER: the contact's own words quoted back line by line, when they wrote them, when they hear next.
        NoticeContent.Answer answer = content.answer();
        model.put("question", answer == null ? List.of() : answer.question().strip().lines().toList());
        model.put("questionAskedAt", answer == null ? null : book.dateTime(answer.askedAt(), context.reader().zone()));
        model.put("nextUpdate", answer == null ? null : book.dateTime(answer.nextUpdateAt(), context.reader().zone()));
        model.put("brief", brief(context.stage(), changes, model));
        model.put("statusUrl", context.links().statusUrl());
        return model;
    }

    /** What the incident is, from facts: the category's context, when it was detected, the client's services. */
    private static String context(NoticeContent content, PhraseBook book, Map<String, String> values) {
        List<String> sentences = new ArrayList<>();
        sentences.add(book.about(content.facts().category(), "context"));
        if (content.facts().detectedAt() != null) {
            sentences.add(book.common("context.detected", values));
        }
        if (!content.facts().services().isEmpty()) {
            sentences.add(book.common("context.services", values));
        }
        return String.join(" ", sentences);
    }

    /** What changed since the client's previous notice, in client words. */
    private static List<String> changes(NoticeContent content, PhraseBook book, Map<String, String> values) {
        NoticeContent.Changes changed = content.changes();
        List<String> sentences = new ArrayList<>();
        if (changed.previousSeverity() != null) {
            Map<String, String> severities = new LinkedHashMap<>(values);
            severities.put("previousSeverity", book.severity(changed.previousSeverity()));
            sentences.add(book.common(changed.previousSeverity().ordinal() > content.facts().severity().ordinal()
                    ? "change.severityRaised" : "change.severityLowered", severities));
        }
        if (changed.previousCategory() != null) {
            sentences.add(book.common("change.categoryChanged", values));
        }
        if (!changed.newServices().isEmpty()) {
            sentences.add(book.common("change.newServices", Map.of("services", book.list(changed.newServices()))));
        }
        if (!changed.newDataCategories().isEmpty()) {
            sentences.add(book.common("change.dataConcerned", Map.of("dataCategories",
                    book.list(changed.newDataCategories().stream().map(book::dataCategory).toList()))));
        }
        changed.newMeasures().stream().map(book::measure).forEach(sentences::add);
        if (changed.newEstimate()) {
            sentences.add(book.common("change.newEta", values));
        }
        if (sentences.isEmpty() && content.scheduled()) {
            sentences.add(book.common("change.nothingNew"));
        }
        return sentences;
    }

    /** The one or two sentences an SMS carries after the subject. */
    private static String brief(Stage stage, List<String> changes, Map<String, Object> model) {
        if (stage == Stage.UPDATE && !changes.isEmpty()) {
            return String.join(" ", changes);
        }
        if (stage == Stage.UPDATE && model.get("message") != null) {
            return (String) model.get("message");
        }
        if (stage == Stage.RESOLUTION) {
            return (String) model.get("resolved");
        }
        if (stage == Stage.ANSWER) {
            return (String) model.get("message");
        }
        return (String) model.get("context");
    }

    private static String hours(Duration every) {
        if (every == null || every.isZero()) {
            return null;
        }
        return every.toMinutes() % 60 == 0 ? every.toHours() + " h" : every.toMinutes() + " min";
    }
}
