package io.vigie.notification.replies;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a mail from its original bytes: the key, the sender, automatic replies, the text. */
class InboundMailTest {

    private static InboundMail mail(String headers, String body) throws Exception {
        return InboundMail.parse((headers.strip().replace("\n", "\r\n") + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFindTheKeyInToCcDeliveredToAndXOriginalToWhateverTheCase() throws Exception {
        InboundMail mail = mail("""
                From: Alice <alice@acme.example>
                To: "Vigie SOC" <REPLIES+ABCDEF234@SOC.EXAMPLE>, bob@acme.example
                Cc: replies+second@soc.example
                Delivered-To: replies+third@soc.example
                X-Original-To: replies+abcdef234@soc.example
                Subject: Re: Security notification
                """, "Hello");

        assertThat(mail.replyTags("replies", "soc.example")).containsExactly("abcdef234", "second", "third");
    }

    @Test
    void shouldFindNoKeyInAnotherMailboxOrWithoutATag() throws Exception {
        InboundMail mail = mail("""
                From: alice@acme.example
                To: replies@soc.example, notreplies+abc@soc.example, replies+abc@soc.example.evil.test
                """, "Hello");

        assertThat(mail.replyTags("replies", "soc.example")).isEmpty();
    }

    @Test
    void shouldReadOneSenderAddressOrNone() throws Exception {
        assertThat(mail("From: \"Alice Martin\" <Alice@ACME.example>", "x").from()).isEqualTo("alice@acme.example");
        assertThat(mail("From: alice@acme.example, mallory@evil.test", "x").from()).isNull();
        assertThat(mail("From: not an address <", "x").from()).isNull();
        assertThat(mail("Subject: no sender", "x").from()).isNull();
    }

    @Test
    void shouldRecogniseAutomaticRepliesAndBounces() throws Exception {
        assertThat(mail("Auto-Submitted: auto-replied", "Out of office").automatic()).isTrue();
        assertThat(mail("X-Autoreply: yes", "Out of office").automatic()).isTrue();
        assertThat(mail("Precedence: bulk", "News").automatic()).isTrue();
        assertThat(mail("Return-Path: <>", "Undeliverable").automatic()).isTrue();
        assertThat(mail("Content-Type: multipart/report; report-type=delivery-status; boundary=b",
                "--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b--").automatic()).isTrue();
        assertThat(mail("Auto-Submitted: no", "A human").automatic()).isFalse();
        assertThat(mail("From: alice@acme.example", "A human").automatic()).isFalse();
    }

    @Test
    void shouldTakeTheTextPartElseTheHtmlPartButNeverAnAttachment() throws Exception {
        InboundMail alternative = mail("""
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=outer
                """, """
                --outer\r
                Content-Type: multipart/alternative; boundary=inner\r
                \r
                --inner\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                D=C3=A9j=C3=A0 fait.\r
                --inner\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>HTML</p>\r
                --inner--\r
                --outer\r
                Content-Type: text/plain\r
                Content-Disposition: attachment; filename=notes.txt\r
                \r
                attached\r
                --outer--\r
                """);
        InboundMail htmlOnly = mail("""
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=outer
                """, """
                --outer\r
                Content-Type: text/plain\r
                Content-Disposition: attachment; filename=notes.txt\r
                \r
                attached\r
                --outer\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>Only <b>HTML</b> &lt;here&gt;</p>\r
                --outer--\r
                """);

        assertThat(alternative.text().strip()).isEqualTo("Déjà fait.");
        assertThat(htmlOnly.text().strip()).isEqualTo("Only HTML <here>");
    }

    @Test
    void shouldShowOnlyTheSafeHeadersDecoded() throws Exception {
        InboundMail mail = mail("""
                From: alice@acme.example
                To: replies+abc@soc.example
                Subject: =?UTF-8?Q?R=C3=A9ponse?=
                Received: from mx.internal.example (10.0.0.7)
                X-Mailer: Secret Client 1.0
                Message-ID: <m1@acme.example>
                """, "x");

        assertThat(mail.safeHeaders()).containsOnlyKeys("From", "To", "Subject", "Message-ID")
                .containsEntry("Subject", "Réponse");
        assertThat(mail.messageId()).isEqualTo("<m1@acme.example>");
    }
}
