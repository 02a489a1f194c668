package io.vigie.notification.replies;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is left of real replies from the usual mail programs, in English, French and German. */
class ReplyTextTest {

    @Test
    void shouldKeepOnlyTheNewTextOfAGmailReplyInEnglish() {
        String reply = """
                Thanks. Do we need to reset every password, or only the administrators'?

                Regards,
                Alice

                On Thu, 15 Jan 2026 at 17:00, Vigie SOC <replies+abc@soc.example> wrote:
                > Dear Alice,
                > We detected a phishing campaign.
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo(
                "Thanks. Do we need to reset every password, or only the administrators'?\n\nRegards,\nAlice");
    }

    @Test
    void shouldCutAnAttributionLineWrappedOverTwoLines() {
        String reply = """
                Understood, we unplugged the laptop.

                On Thu, Jan 15, 2026 at 5:00 PM Vigie SOC <
                soc@vigie.local> wrote:

                Dear Alice, (quoted without '>')
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo("Understood, we unplugged the laptop.");
    }

    @Test
    void shouldStopAtTheSignatureDelimiterAndAMobileSignature() {
        assertThat(ReplyText.strip("Is the VPN affected?\n-- \nAlice Martin\nCISO, ACME\n"))
                .isEqualTo("Is the VPN affected?");
        assertThat(ReplyText.strip("Is the VPN affected?\n\nSent from my iPhone\n\n> quoted"))
                .isEqualTo("Is the VPN affected?");
    }

    @Test
    void shouldCutAnOutlookReplyHeaderBlockInEnglish() {
        String reply = """
                Please call me at 10.

                ________________________________
                From: Vigie SOC <soc@vigie.local>
                Sent: Thursday, January 15, 2026 5:00 PM
                To: Alice Martin <alice@acme.example>
                Subject: Security notification

                Dear Alice,
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo("Please call me at 10.");
        assertThat(ReplyText.strip("Noted.\n\n-----Original Message-----\nFrom: Vigie SOC\nDear Alice"))
                .isEqualTo("Noted.");
    }

    @Test
    void shouldKeepOnlyTheNewTextOfAReplyInFrench() {
        String reply = """
                Bonjour,

                Faut-il prévenir nos clients dès aujourd'hui ?

                Cordialement,
                Jeanne

                Le jeu. 15 janv. 2026 à 17:00, Vigie SOC <soc@vigie.local> a écrit :
                > Madame,
                > Nous avons détecté un incident.
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo(
                "Bonjour,\n\nFaut-il prévenir nos clients dès aujourd'hui ?\n\nCordialement,\nJeanne");
        assertThat(ReplyText.strip("C'est noté.\n\nEnvoyé de mon iPhone")).isEqualTo("C'est noté.");
        assertThat(ReplyText.strip("C'est noté.\n\n-----Message d'origine-----\nDe : Vigie SOC\nMadame,"))
                .isEqualTo("C'est noté.");
    }

    @Test
    void shouldCutAnOutlookReplyHeaderBlockInFrench() {
        String reply = """
                Merci, nous bloquons l'adresse.

                De : Vigie SOC <soc@vigie.local>
                Envoyé : jeudi 15 janvier 2026 17:00
                À : Jeanne Martin <jeanne@acme.example>
                Objet : Notification de sécurité
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo("Merci, nous bloquons l'adresse.");
    }

    @Test
    void shouldKeepOnlyTheNewTextOfAReplyInGerman() {
        String reply = """
                Guten Tag,

                ist unser Webshop betroffen?

                Am 15.01.2026 um 17:00 schrieb Vigie SOC <soc@vigie.local>:
                > Sehr geehrte Frau Vogel,
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo("Guten Tag,\n\nist unser Webshop betroffen?");
        assertThat(ReplyText.strip("Danke.\n\nVon meinem iPhone gesendet")).isEqualTo("Danke.");
        assertThat(ReplyText.strip("Danke.\n\n-----Ursprüngliche Nachricht-----\nVon: Vigie SOC\nSehr geehrte"))
                .isEqualTo("Danke.");
        assertThat(ReplyText.strip("""
                Danke, wir prüfen das.

                Von: Vigie SOC <soc@vigie.local>
                Gesendet: Donnerstag, 15. Januar 2026 17:00
                An: Katrin Vogel
                Betreff: Sicherheitsmeldung
                """)).isEqualTo("Danke, wir prüfen das.");
    }

    @Test
    void shouldKeepAnswersWrittenBetweenQuotedLines() {
        String reply = """
                > Have you changed the passwords?
                Yes, all of them.
                > Is the backup offline?
                Not yet, tonight.
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo("Yes, all of them.\nNot yet, tonight.");
    }

    @Test
    void shouldNotCutTheClientsOwnSentencesThatLookLikeHeaders() {
        String reply = """
                On Monday the team wrote:
                the new firewall rules.
                Le technicien a écrit :
                rien de plus.
                From: our side, nothing changed.
                """;

        assertThat(ReplyText.strip(reply)).isEqualTo(reply.strip());
    }

    @Test
    void shouldLeaveNothingOfAReplyThatOnlyQuotes() {
        assertThat(ReplyText.strip("\n> Dear Alice,\n> We detected\n-- \nAlice")).isEmpty();
    }

    @Test
    void shouldReadTheTextOfAnHtmlReplyWithoutItsQuotedBlock() {
        String html = "<html><head><style>p{color:red}</style></head><body><div>Is the VPN &amp; mail affected?"
                + "<br>Alice</div><div class=\"gmail_quote\"><div>On Thu, 15 Jan 2026 at 17:00, Vigie SOC wrote:</div>"
                + "<blockquote><p>Dear Alice</p></blockquote></div></body></html>";

        assertThat(ReplyText.strip(ReplyText.fromHtml(html))).isEqualTo("Is the VPN & mail affected?\nAlice");
    }
}
