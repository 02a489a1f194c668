package io.vigie.notification.template;

import io.vigie.notification.incident.Category;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.SupportHours;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A notice with every value filled, in the template's language: what previews show and what a template must render
 * before it is saved.
 */
final class SampleNotice {

    private SampleNotice() {
    }

    static Map<String, Object> model(TemplateKey key, PhraseBook book) {
        Category category = TemplateKey.DEFAULT.equals(key.category()) ? Category.DATA_BREACH
                : Category.valueOf(key.category());
        NoticeContent content = new NoticeContent(new NoticeContent.Facts(category, Severity.CRITICAL,
                Instant.parse("2026-01-15T08:12:00Z"), List.of("webmail"), List.of("PERSONAL", "CREDENTIALS"), true,
                List.of("ACCOUNT_LOCKED", "EVIDENCE_SECURED"), Instant.parse("2026-01-15T16:00:00Z")), category,
                new NoticeContent.Changes(Severity.HIGH, null, List.of("webmail"), List.of("PERSONAL"), true,
                        List.of("EVIDENCE_SECURED")),
                new NoticeContent.Words(Map.of(key.language(), sampleMessage(key.language())),
                        key.stage() == Stage.UPDATE ? Map.of(key.language(), sampleQuestion(key.language()))
                                : Map.of()),
                key.stage() == Stage.RESOLUTION ? Boolean.FALSE : null,
                false, answer(key, Instant.parse("2026-01-15T20:00:00Z")));
        NoticeContext context = new NoticeContext(UUID.fromString("3f2c8a10-0000-4000-8000-000000000001"),
                key.stage(), key.stage() == Stage.UPDATE ? 2 : 1,
                new NoticeContext.Reader(key.language(), "ACME", "Jeanne Martin", ZoneId.of("Europe/Paris")),
                new NoticeContext.Links("https://vigie.example/ack?t=sample",
                        "https://vigie.example/agreement?t=sample", "https://vigie.example/survey?t=sample", "https://vigie.example/question?t=sample",
                        "https://vigie.example/status?t=sample"),
                new NoticeContext.Support("SOC Vigie, soc@vigie.example", "+33 1 23 45 67 89",
                        SupportHours.parse("MON-FRI 08:00-20:00").orElseThrow(),
                        List.of("PASSWORD_RESET", "IDENTITY_MONITORING", "SUPPORT_LINE")),
                Duration.ofHours(4));
        return TemplateModel.of(content, context, book);
    }

    /** A notice with as little as a notice can have: no analyst text, no question, no change, no offer. */
    static Map<String, Object> minimal(TemplateKey key, PhraseBook book) {
        // An answer always has its answer and the question it answers, even in the least a notice can say.
        boolean answer = key.stage() == Stage.ANSWER;
        NoticeContent content = new NoticeContent(new NoticeContent.Facts(Category.OTHER, Severity.MEDIUM, null,
                List.of(), List.of(), false, List.of(), null), Category.OTHER, null,
                NoticeContent.Words.message(answer ? Map.of(key.language(), sampleMessage(key.language())) : Map.of()),
                key.stage() == Stage.RESOLUTION ? Boolean.FALSE : null, key.stage() == Stage.UPDATE,
                answer(key, null));
        NoticeContext context = new NoticeContext(UUID.fromString("3f2c8a10-0000-4000-8000-000000000001"),
                key.stage(), 1, new NoticeContext.Reader(key.language(), "ACME", "Jeanne Martin",
                        ZoneId.of("Europe/Paris")),
                new NoticeContext.Links("https://vigie.example/ack?t=sample", null,
                        key.stage() == Stage.FOLLOW_UP ? "https://vigie.example/survey?t=sample" : null, null, null),
                new NoticeContext.Support("SOC Vigie, soc@vigie.example", null, null, List.of()), null);
        return TemplateModel.of(content, context, book);
    }

    /** ANSWER: a contact's question of two lines (quoted back to them), and when the next update is due. */
    private static NoticeContent.Answer answer(TemplateKey key, Instant nextUpdateAt) {
        if (key.stage() != Stage.ANSWER) {
            return null;
        }
        String question = switch (key.language()) {
            case "fr" -> "Faut-il prévenir nos utilisateurs ?\nLeurs mots de passe doivent-ils être changés ?";
            case "de" -> "Sollen wir unsere Benutzer informieren?\nMüssen ihre Passwörter geändert werden?";
            default -> "Should we warn our users?\nDo their passwords need to be changed?";
        };
        return new NoticeContent.Answer(UUID.fromString("3f2c8a10-0000-4000-8000-0000000000a1"), "jm",
                Instant.parse("2026-01-15T09:30:00Z"), question, null, nextUpdateAt);
    }

    // An analyst's words are the one thing the catalogue does not hold: the sample has one per language.
    private static String sampleMessage(String language) {
        return switch (language) {
            case "fr" -> "Le mot de passe du compte concerné a été réinitialisé avec son titulaire.";
            case "de" -> "Das Passwort des betroffenen Kontos wurde gemeinsam mit seinem Inhaber zurückgesetzt.";
            default -> "The password of the account concerned was reset with its owner.";
        };
    }

    private static String sampleQuestion(String language) {
        return switch (language) {
            case "fr" -> "Acceptez-vous que nous isolions vos postes de travail ?";
            case "de" -> "Sind Sie einverstanden, dass wir Ihre Arbeitsplatzrechner isolieren?";
            default -> "Do you agree that we isolate your workstations?";
        };
    }
}
