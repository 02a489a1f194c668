package io.vigie.postmortem.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Measure;
import io.vigie.events.NoticeStage;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.UpdateKind;
import io.vigie.postmortem.incident.Incident.Classification;
import io.vigie.postmortem.incident.Incident.Notice;
import io.vigie.postmortem.incident.Incident.Resolution;
import io.vigie.postmortem.incident.Incident.Severity;
import io.vigie.postmortem.incident.Incident.Update;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The edge: Avro events in, the projection's own types out. */
final class IncidentEventMapper {

    private IncidentEventMapper() {
    }

    static Classification classification(AlertClassified e) {
        List<String> services = Stream.concat(e.getAffectedServices().stream(),
                e.getAffectedClients().stream().flatMap(c -> c.getServices().stream())).distinct().toList();
        List<String> assets = Stream.concat(e.getAffectedAssets().stream(),
                e.getAffectedClients().stream().flatMap(c -> c.getAssets().stream())).distinct().toList();
        List<String> data = Stream.concat(e.getDataCategories().stream(),
                        e.getAffectedClients().stream().flatMap(c -> c.getDataCategories().stream()))
                .map(Enum::name).distinct().toList();
        return new Classification(e.getOccurredAt(), e.getChange() == ClassificationChange.ATTACHED,
                new Classification.Headline(e.getTitle(), e.getSummary(), severity(e.getSeverity()),
                        e.getCategory().name()),
                new Classification.Detection(e.getSource().name(), e.getSourceReference(), e.getDetectedAt(),
                        e.getAlertReceivedAt()),
                new Classification.Scope(e.getImpact(), e.getPersonalDataInvolved(),
                        e.getAffectedClients().stream().map(AffectedClient::getClientId).toList(), services, assets,
                        data),
                measures(e.getMeasuresTaken(), e.getMeasures()));
    }

    /**
     * The measures as the post-mortem (an internal document, in English) lists them: the codes the events now carry,
     * e.g. {@code ACCOUNT_LOCKED} as "Account locked", after the sentences older events carried.
     */
    static List<String> measures(List<String> sentences, List<Measure> codes) {
        return Stream.concat(sentences.stream(), codes.stream().map(code -> {
            String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        })).distinct().toList();
    }

    static TimelineEntry classificationEntry(AlertClassified e) {
        String what = switch (e.getChange()) {
            case OPENED -> "Incident opened as " + e.getSeverity() + " " + e.getCategory() + ": " + e.getTitle();
            case ESCALATED -> "Escalated from " + e.getPreviousSeverity() + " to " + e.getSeverity() + ": " + e.getTitle();
            case ATTACHED -> "Related alert attached: " + e.getTitle();
        };
        return new TimelineEntry(e.getOccurredAt(), "CLASSIFIED", e.getProducer(), what);
    }

    static Notice notice(ClientNotified e) {
        boolean toClient = e.getStage() != NoticeStage.REGULATOR;
        // A notice held for review has reached nobody yet.
        boolean delivered = e.getOutcome() != DeliveryOutcome.FAILED && e.getOutcome() != DeliveryOutcome.HELD;
        boolean acknowledged = e.getOutcome() == DeliveryOutcome.ACKNOWLEDGED
                || e.getOutcome() == DeliveryOutcome.AGREED || e.getOutcome() == DeliveryOutcome.DECLINED;
        return new Notice(e.getOccurredAt(), e.getClientId(), toClient && delivered, toClient && acknowledged);
    }

    static TimelineEntry noticeEntry(ClientNotified e) {
        String what = e.getStage() + " notice to " + e.getClientId() + " by " + e.getChannel()
                + (e.getOutOfBand() ? " (out of band)" : "") + ": " + e.getOutcome()
                + (e.getError() != null ? " (" + e.getError() + ")" : "");
        String actor = e.getRespondedBy() != null ? e.getRespondedBy() : e.getProducer();
        return new TimelineEntry(e.getOccurredAt(), "NOTICE_" + e.getOutcome(), actor, what);
    }

    static Update update(IncidentUpdated e) {
        return new Update(e.getKind() == UpdateKind.SEVERITY_CHANGED ? severity(e.getSeverity()) : null,
                measures(e.getMeasuresTaken(), e.getMeasures()));
    }

    static TimelineEntry updateEntry(IncidentUpdated e) {
        String what = switch (e.getKind()) {
            case CLIENT_ANSWERED -> "Answer to " + contact(e.getContactId(), e.getClientId()) + ": "
                    + answerText(e);
            case CLIENT_CALL -> "Phone call with " + contact(e.getContactId(), e.getClientId())
                    + (e.getAnsweredMessageId() != null ? ", answering their question" : "") + ": " + e.getMessage();
            default -> e.getMessage();
        };
        return new TimelineEntry(e.getOccurredAt(), e.getKind().name(), e.getActor(), what);
    }

    /** The answer as the contact received it (the one language it was written in), else the update's own words. */
    private static String answerText(IncidentUpdated e) {
        String sent = e.getClientMessages().entrySet().stream().findFirst()
                .map(text -> text.getValue() + " (" + text.getKey() + ")").orElse(null);
        return sent != null ? sent : e.getMessage();
    }

    private static String contact(String contactId, String clientId) {
        if (clientId == null) {
            return contactId == null ? "the client" : contactId;
        }
        return contactId == null ? clientId : contactId + " of " + clientId;
    }

    /** A question from the signed page or a reply by email: the client's own words, kept whole (shown escaped). */
    static TimelineEntry messageEntry(ClientMessageReceived e) {
        String how = e.getVia() == ClientMessageChannel.EMAIL_REPLY ? "Reply by email" : "Question";
        String attached = e.getAttachedBy() == null ? "" : " (attached from quarantine by " + e.getAttachedBy() + ")";
        return new TimelineEntry(e.getReceivedAt(), e.getVia() == ClientMessageChannel.EMAIL_REPLY
                ? "CLIENT_REPLY" : "CLIENT_QUESTION", actor(e.getContactName() + " (" + e.getClientId() + ")"),
                how + " from " + e.getContactName() + " of " + e.getClientId() + attached + ": " + e.getText());
    }

    static ClientFeedback feedback(SurveyAnswered e) {
        return new ClientFeedback(e.getIncidentId(), e.getClientId(), e.getContactId(), e.getContactName(),
                e.getLanguage(), e.getHandlingRating(), e.getCommunicationRating(), e.getQuestionsAnswered(),
                e.getComment(), e.getAnsweredAt());
    }

    static TimelineEntry feedbackEntry(ClientFeedback f) {
        return new TimelineEntry(f.answeredAt(), "CLIENT_FEEDBACK", actor(f.who()),
                "Satisfaction survey answered: handling " + f.handling() + ", communication " + f.communication()
                        + ", all questions answered: " + (f.questionsAnswered() ? "yes" : "no")
                        + (f.comment() == null ? "" : ". Comment: " + f.comment()));
    }

    /** A client contact as a timeline actor: the column holds 200 characters, a long name must not stop the event. */
    private static String actor(String who) {
        return who.length() <= 200 ? who : who.substring(0, 199) + "…";
    }

    static Resolution resolution(IncidentResolved e) {
        return new Resolution(e.getResolvedAt(), e.getResolvedBy(), severity(e.getSeverity()), e.getCategory().name(),
                e.getSummary(), e.getCorrectiveActions(), e.getDataCompromised(), e.getAffectedClientIds(),
                e.getSlaClocks().stream().map(c -> new CaseClock(c.getClock().name().toLowerCase(Locale.ROOT),
                        c.getStartedAt(), c.getEndedAt(), c.getTargetSeconds(), c.getMet())).toList());
    }

    static TimelineEntry resolutionEntry(IncidentResolved e) {
        return new TimelineEntry(e.getResolvedAt(), "RESOLVED", e.getResolvedBy(), "Resolved: " + e.getSummary());
    }

    private static Severity severity(io.vigie.events.Severity severity) {
        return Severity.valueOf(severity.name());
    }
}
