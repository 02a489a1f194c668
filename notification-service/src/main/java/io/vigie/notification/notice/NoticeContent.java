package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;

/**
 * What one notice tells a client, fixed when the notice is created so that a retry or a later channel sends the same
 * facts. Fields a stage does not use are null or empty.
 */
public record NoticeContent(
        String title,
        Category category,
        Severity severity,
        /* Context: what kind of incident, in plain words. */
        String context,
        /* Impact on this client: in words, then its services and assets. */
        String impact,
        List<String> services,
        List<String> assets,
        boolean personalData,
        List<String> measures,
        String resolutionPlan,
        Instant estimatedResolutionAt,
        List<String> recommendedActions,
        /* UPDATE: what changed. */
        String update,
        /* RESOLUTION. */
        Boolean dataCompromised,
        List<String> correctiveActions,
        /* FOLLOW_UP. */
        List<String> lessons,
        /* An UPDATE that asks for the client's formal agreement (e.g. to isolate its machines). */
        String agreementQuestion) {

    public NoticeContent {
        services = nonNull(services);
        assets = nonNull(assets);
        measures = nonNull(measures);
        recommendedActions = nonNull(recommendedActions);
        correctiveActions = nonNull(correctiveActions);
        lessons = nonNull(lessons);
    }

    public NoticeContent(String title, Category category, Severity severity, String context, String impact,
                         List<String> services, List<String> assets, boolean personalData, List<String> measures,
                         String resolutionPlan, Instant estimatedResolutionAt, List<String> recommendedActions,
                         String update, Boolean dataCompromised, List<String> correctiveActions, List<String> lessons) {
        this(title, category, severity, context, impact, services, assets, personalData, measures, resolutionPlan,
                estimatedResolutionAt, recommendedActions, update, dataCompromised, correctiveActions, lessons, null);
    }

    public NoticeContent asking(String question) {
        return new NoticeContent(title, category, severity, context, impact, services, assets, personalData, measures,
                resolutionPlan, estimatedResolutionAt, recommendedActions, update, dataCompromised, correctiveActions,
                lessons, question);
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
