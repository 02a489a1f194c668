package io.vigie.notification.ack;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AckLinksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final AckLinks links = new AckLinks(new LinkProperties("https://vigie.example",
            "a-secret-for-the-tests-of-32-chars-or-more", Duration.ofDays(7)), Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID notice = UUID.randomUUID();

    @Test
    void shouldAcceptItsOwnLinkUntilItExpires() {
        String url = links.ackUrl(notice, "jeanne");
        String token = url.substring("https://vigie.example/ack?t=".length());

        AckLinks.Verification verification = links.verify(token);

        assertThat(verification.status()).isEqualTo(AckLinks.Status.VALID);
        assertThat(verification.noticeId()).isEqualTo(notice);
        assertThat(verification.contactId()).isEqualTo("jeanne");
        assertThat(verification.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void shouldCallAnExpiredLinkExpired() {
        assertThat(links.verify(links.token(notice, "jeanne", NOW.minusSeconds(1))).status())
                .isEqualTo(AckLinks.Status.EXPIRED);
    }

    @Test
    void shouldRefuseAnyChangeToTheLink() {
        String token = links.token(notice, "jeanne", NOW.plusSeconds(3600));
        String[] parts = token.split("\\.");
        String longerLife = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];
        String otherNotice = UUID.randomUUID() + token.substring(36);
        AckLinks otherKey = new AckLinks(new LinkProperties("https://vigie.example",
                "another-secret-for-the-tests-32-chars-or-more", Duration.ofDays(7)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(links.verify(longerLife).status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(links.verify(otherNotice).status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(links.verify(token + "x").status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(links.verify("garbage").status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(links.verify(null).status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(otherKey.verify(token).status()).isEqualTo(AckLinks.Status.INVALID);
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new AckLinks(new LinkProperties("https://x", "short", Duration.ofDays(1)),
                Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }
}
