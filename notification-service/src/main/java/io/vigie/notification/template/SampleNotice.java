package io.vigie.notification.template;

import io.vigie.notification.notice.Category;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.notice.Severity;
import io.vigie.notification.notice.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A notice with every value filled: what previews show and what a template must render before it is saved. */
final class SampleNotice {

    private SampleNotice() {
    }

    static Map<String, Object> model(TemplateKey key) {
        boolean french = "fr".equals(key.language());
        Category category = TemplateKey.DEFAULT.equals(key.category()) ? Category.OTHER
                : Category.valueOf(key.category());
        NoticeContent content = new NoticeContent(
                french ? "Compte de messagerie verrouillé après des échecs de connexion"
                        : "Mailbox account locked after failed logins",
                category, Severity.HIGH,
                french ? "Des tentatives de connexion répétées ont visé un compte de votre organisation."
                        : "Repeated login attempts targeted an account of your organisation.",
                french ? "Le compte concerné est verrouillé ; les autres services fonctionnent normalement."
                        : "The account is locked; other services work normally.",
                List.of("messagerie"), List.of("mail-01"), true,
                List.of(french ? "Compte verrouillé" : "Account locked"),
                french ? "Réinitialiser le mot de passe et rétablir l'accès." : "Reset the password and restore access.",
                Instant.parse("2026-01-15T16:00:00Z"),
                List.of(french ? "Changez vos mots de passe" : "Change your passwords"),
                french ? "L'accès a été rétabli." : "Access was restored.",
                Boolean.FALSE,
                List.of(french ? "Authentification à deux facteurs activée" : "Two-factor authentication enabled"),
                List.of(french ? "Alerter plus tôt" : "Alert earlier"))
                .asking(french ? "Acceptez-vous que nous isolions vos postes ?"
                        : "Do you agree that we isolate your workstations?");
        NoticeContext context = new NoticeContext(UUID.fromString("3f2c8a10-0000-4000-8000-000000000001"),
                key.stage(), key.stage() == Stage.UPDATE ? 2 : 1, key.language(), "ACME",
                "Jeanne Martin", "https://vigie.example/ack?t=sample", "https://vigie.example/agreement?t=sample",
                "https://vigie.example/survey?t=sample",
                "SOC Vigie, soc@vigie.example, +33 1 23 45 67 89", Duration.ofHours(4), ZoneId.of("Europe/Paris"));
        return TemplateModel.of(content, context);
    }
}
