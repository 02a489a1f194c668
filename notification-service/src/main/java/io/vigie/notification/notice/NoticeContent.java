package io.vigie.notification.notice;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one notice tells a client, as facts: codes and parameters, never sentences, so that each contact reads it in
 * their own language (the phrase catalogue and the templates word it). The only free text is an analyst's, one per
 * language. Fixed when the notice is created, so a retry or a later channel sends the same facts.
 * <p>
 * Kept as JSON in {@code notice.content}: the two groups are unwrapped, so the stored shape stays the flat one every
 * existing row has.
 *
 * @param facts           the incident as this client is told it
 * @param subjectCategory the category the client was first told about: the thread's subject, which never changes
 * @param changes         UPDATE: what changed since the client's previous notice
 * @param words           an analyst's words by language: a message, a question asking the client's agreement
 * @param dataCompromised RESOLUTION: whether data was found compromised
 * @param scheduled       a scheduled UPDATE (sent on the promised cadence even when nothing changed)
 * @param answer          an ANSWER notice: the client message it answers (the answer itself is in {@code words})
 */
public record NoticeContent(
        @JsonUnwrapped Facts facts,
        Category subjectCategory,
        Changes changes,
        @JsonUnwrapped Words words,
        Boolean dataCompromised,
        boolean scheduled,
        Answer answer) {

    public NoticeContent {
        changes = changes == null ? Changes.NONE : changes;
        words = words == null ? Words.NONE : words;
        subjectCategory = subjectCategory == null ? facts.category() : subjectCategory;
    }

    /** A first notice of these facts: under their own category, nothing changed, no analyst's words. */
    public static NoticeContent of(Facts facts) {
        return new NoticeContent(facts, facts.category(), Changes.NONE, Words.NONE, null, false, null);
    }

    public boolean asksAgreement() {
        return words.asksAgreement();
    }

    /** Whether a contact reading {@code language} has anything to read in this UPDATE. */
    public boolean saysSomethingIn(String language) {
        return scheduled || !changes.isEmpty() || words.saySomethingIn(language);
    }

    NoticeContent withChanges(Changes changed) {
        return new NoticeContent(facts, subjectCategory, changed, words, dataCompromised, scheduled, answer);
    }

    NoticeContent withSubject(Category subject) {
        return new NoticeContent(facts, subject, changes, words, dataCompromised, scheduled, answer);
    }

    /** The same notice with the analyst's words edited (a held notice's text, corrected before it goes out). */
    public NoticeContent withWords(Words edited) {
        return new NoticeContent(facts, subjectCategory, changes, edited, dataCompromised, scheduled, answer);
    }

    /** An UPDATE saying these words, {@code isScheduled} when it is the promised one of the cadence. */
    NoticeContent saying(Words said, boolean isScheduled) {
        return new NoticeContent(facts, subjectCategory, changes, said, dataCompromised, isScheduled, answer);
    }

    /** A RESOLUTION: no change listed, no question left open, whether data was found compromised. */
    NoticeContent resolved(Boolean compromised) {
        return new NoticeContent(facts, subjectCategory, Changes.NONE, words.withoutQuestions(), compromised, false,
                answer);
    }

    /**
     * An ANSWER notice: these facts, the answer in one language, and what it answers; the estimated resolution only
     * while the incident is open.
     */
    NoticeContent answering(String language, String text, Answer answered, boolean open) {
        return new NoticeContent(open ? facts : facts.withoutEstimate(), subjectCategory, Changes.NONE,
                Words.message(Map.of(language, text)), null, false, answered);
    }

    /**
     * This client's share of the incident: what it is, how severe, since when, the client's services and data
     * concerned ({@code PERSONAL}, {@code HEALTH}, …), what the SOC did (measure codes) and when it should be over.
     */
    public record Facts(Category category, Severity severity, Instant detectedAt, List<String> services,
                        List<String> dataCategories, boolean personalData, List<String> measures,
                        Instant estimatedResolutionAt) {

        public Facts {
            services = services == null ? List.of() : List.copyOf(services);
            dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
            measures = measures == null ? List.of() : List.copyOf(measures);
        }

        Facts withoutEstimate() {
            return new Facts(category, severity, detectedAt, services, dataCategories, personalData, measures, null);
        }
    }

    /**
     * An analyst's words, by language: a contact gets the one in their language, never another.
     *
     * @param messages  the analyst's text
     * @param questions an UPDATE asking the client's formal agreement: the question
     */
    public record Words(Map<String, String> messages, Map<String, String> questions) {

        public static final Words NONE = new Words(Map.of(), Map.of());

        public Words {
            messages = messages == null ? Map.of() : Map.copyOf(messages);
            questions = questions == null ? Map.of() : Map.copyOf(questions);
        }

        public static Words message(Map<String, String> texts) {
            return new Words(texts, Map.of());
        }

        public static Words question(Map<String, String> asked) {
            return new Words(Map.of(), asked);
        }

        public boolean asksAgreement() {
            return !questions.isEmpty();
        }

        boolean saySomethingIn(String language) {
            return messages.containsKey(language) || questions.containsKey(language);
        }

        /** These words with {@code texts} added, a language given again replaced. */
        Words adding(Map<String, String> texts) {
            Map<String, String> all = new LinkedHashMap<>(messages);
            all.putAll(texts);
            return new Words(all, questions);
        }

        Words withoutQuestions() {
            return new Words(messages, Map.of());
        }
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
            Facts was = told.facts();
            Facts is = now.facts();
            return new Changes(
                    was.severity() != is.severity() ? was.severity() : null,
                    was.category() != is.category() ? was.category() : null,
                    is.services().stream().filter(s -> !was.services().contains(s)).toList(),
                    is.dataCategories().stream().filter(d -> !was.dataCategories().contains(d)).toList(),
                    is.estimatedResolutionAt() != null
                            && !is.estimatedResolutionAt().equals(was.estimatedResolutionAt()),
                    is.measures().stream().filter(m -> !was.measures().contains(m)).toList());
        }
    }
}
