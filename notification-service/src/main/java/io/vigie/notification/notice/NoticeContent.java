package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one notice tells a client, as facts: codes and parameters, never sentences, so that each contact reads it in
 * their own language (the phrase catalogue and the templates word it). The only free text is an analyst's, one per
 * language. Fixed when the notice is created, so a retry or a later channel sends the same facts.
 *
 * @param subjectCategory the category the client was first told about: the thread's subject, which never changes
 * @param services        the client's services concerned (from the inventory)
 * @param dataCategories  the client's data concerned ({@code PERSONAL}, {@code HEALTH}, …)
 * @param measures        what the SOC did, as measure codes
 * @param changes         UPDATE: what changed since the client's previous notice
 * @param messages        an analyst's words by language: a contact gets the one in their language, never another
 * @param dataCompromised RESOLUTION: whether data was found compromised
 * @param questions       an UPDATE asking the client's formal agreement: the question by language
 * @param scheduled       a scheduled UPDATE (sent on the promised cadence even when nothing changed)
 * @param answer          an ANSWER notice: the client message it answers (the answer itself is in {@code messages})
 */
public record NoticeContent(
        Category category,
        Category subjectCategory,
        Severity severity,
        Instant detectedAt,
        List<String> services,
        List<String> dataCategories,
        boolean personalData,
        List<String> measures,
        Instant estimatedResolutionAt,
        Changes changes,
        Map<String, String> messages,
        Boolean dataCompromised,
        Map<String, String> questions,
        boolean scheduled,
        Answer answer) {

    public NoticeContent {
        services = services == null ? List.of() : List.copyOf(services);
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        measures = measures == null ? List.of() : List.copyOf(measures);
        changes = changes == null ? Changes.NONE : changes;
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        questions = questions == null ? Map.of() : Map.copyOf(questions);
        subjectCategory = subjectCategory == null ? category : subjectCategory;
    }

    public NoticeContent(Category category, Category subjectCategory, Severity severity, Instant detectedAt,
                         List<String> services, List<String> dataCategories, boolean personalData,
                         List<String> measures, Instant estimatedResolutionAt, Changes changes,
                         Map<String, String> messages, Boolean dataCompromised, Map<String, String> questions,
                         boolean scheduled) {
        this(category, subjectCategory, severity, detectedAt, services, dataCategories, personalData, measures,
                estimatedResolutionAt, changes, messages, dataCompromised, questions, scheduled, null);
    }

    public boolean asksAgreement() {
        return !questions.isEmpty();
    }

    /** Whether a contact reading {@code language} has anything to read in this UPDATE. */
    public boolean saysSomethingIn(String language) {
        return scheduled || !changes.isEmpty() || messages.containsKey(language) || questions.containsKey(language);
    }

    NoticeContent withChanges(Changes changed) {
        return new NoticeContent(category, subjectCategory, severity, detectedAt, services, dataCategories,
                personalData, measures, estimatedResolutionAt, changed, messages, dataCompromised, questions, scheduled,
                answer);
    }

    NoticeContent withSubject(Category subject) {
        return new NoticeContent(category, subject, severity, detectedAt, services, dataCategories, personalData,
                measures, estimatedResolutionAt, changes, messages, dataCompromised, questions, scheduled, answer);
    }

    public NoticeContent withMessages(Map<String, String> texts, Map<String, String> asked, boolean isScheduled) {
        return new NoticeContent(category, subjectCategory, severity, detectedAt, services, dataCategories,
                personalData, measures, estimatedResolutionAt, changes, texts, dataCompromised, asked, isScheduled,
                answer);
    }

    NoticeContent resolved(Boolean compromised) {
        return new NoticeContent(category, subjectCategory, severity, detectedAt, services, dataCategories,
                personalData, measures, estimatedResolutionAt, Changes.NONE, messages, compromised, Map.of(), false,
                answer);
    }

    /**
     * An ANSWER notice: these facts, the answer in one language, and what it answers; the estimated resolution only
     * while the incident is open.
     */
    NoticeContent answering(String language, String text, Answer answered, boolean open) {
        return new NoticeContent(category, subjectCategory, severity, detectedAt, services, dataCategories,
                personalData, measures, open ? estimatedResolutionAt : null, Changes.NONE, Map.of(language, text),
                null, Map.of(), false, answered);
    }

    /**
     * What an ANSWER notice answers: the client's message, who wrote it (the one contact the answer goes to), when and
     * in which words (quoted back to them), the Message-ID of their email when they wrote by email (the answer replies
     * to it), and when the client's next update is due, if one is scheduled.
     */
    public record Answer(UUID messageId, String contactId, Instant askedAt, String question, String repliesTo,
                         Instant nextUpdateAt) {
    }

    /**
     * What changed since the client's previous notice, in facts: the UPDATE's "what changed" section. An UPDATE with
     * no change, no analyst text and no question is not sent (a scheduled one is: the cadence was promised).
     */
    public record Changes(Severity previousSeverity, Category previousCategory, List<String> newServices,
                          List<String> newDataCategories, boolean newEstimate, List<String> newMeasures) {

        public static final Changes NONE = new Changes(null, null, List.of(), List.of(), false, List.of());

        public Changes {
            newServices = newServices == null ? List.of() : List.copyOf(newServices);
            newDataCategories = newDataCategories == null ? List.of() : List.copyOf(newDataCategories);
            newMeasures = newMeasures == null ? List.of() : List.copyOf(newMeasures);
        }

        public boolean isEmpty() {
            return previousSeverity == null && previousCategory == null && newServices.isEmpty()
                    && newDataCategories.isEmpty() && !newEstimate && newMeasures.isEmpty();
        }

        /** From what the client was last told to what is true now. */
        static Changes between(NoticeContent told, NoticeContent now) {
            if (told == null) {
                return NONE;
            }
            return new Changes(
                    told.severity() != now.severity() ? told.severity() : null,
                    told.category() != now.category() ? told.category() : null,
                    now.services().stream().filter(s -> !told.services().contains(s)).toList(),
                    now.dataCategories().stream().filter(d -> !told.dataCategories().contains(d)).toList(),
                    now.estimatedResolutionAt() != null
                            && !now.estimatedResolutionAt().equals(told.estimatedResolutionAt()),
                    now.measures().stream().filter(m -> !told.measures().contains(m)).toList());
        }
    }
}
