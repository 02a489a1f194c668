package io.vigie.intake.source;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.source.IntakeProperties.Rate;
import io.vigie.intake.source.IntakeProperties.SourceProperties;
import io.vigie.intake.source.SourceAuthenticator.Credentials;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final byte[] BODY = "{\"reference\":\"INC-1\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    private final IntakeProperties properties = properties(Map.of(
            "soar", new SourceProperties(SourceType.GENERIC, List.of("bearer-1"), List.of("old", "new"), null,
                    List.of(), new Rate(10, 10), null),
            "splunk", new SourceProperties(SourceType.SPLUNK, List.of("url-token"), List.of(), null,
                    List.of(), new Rate(10, 10), null)));
    private final Sources sources = new Sources(properties);
    private final SourceAuthenticator authenticator = new SourceAuthenticator(properties,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Source soar = sources.find(SourceType.GENERIC, "soar").orElseThrow();

    @Test
    void shouldAcceptASignatureMadeWithEitherRotationSecret() {
        assertThatCode(() -> authenticate(signed("old", NOW), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> authenticate(signed("new", NOW), BODY)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseASignatureOverAnotherBody() {
        byte[] tampered = "{\"reference\":\"INC-1\",\"title\":\"T\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> authenticate(signed("new", NOW), tampered)).isInstanceOf(IntakeRejection.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void shouldRefuseASignatureWithAnotherTimestampThanTheOneSigned() {
        Credentials signed = signed("new", NOW);
        Credentials moved = new Credentials(null, null, String.valueOf(NOW.getEpochSecond() + 1), signed.signature());

        assertThatThrownBy(() -> authenticate(moved, BODY)).isInstanceOf(IntakeRejection.class);
    }

    @Test
    void shouldRefuseASignatureOutsideTheFiveMinuteTolerance() {
        assertThatCode(() -> authenticate(signed("new", NOW.minus(Duration.ofMinutes(5))), BODY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticate(signed("new", NOW.minus(Duration.ofSeconds(301))), BODY))
                .isInstanceOf(IntakeRejection.class).hasMessageContaining("replay");
        assertThatThrownBy(() -> authenticate(signed("new", NOW.plus(Duration.ofSeconds(301))), BODY))
                .isInstanceOf(IntakeRejection.class);
    }

    @Test
    void shouldRefuseAMalformedSignatureOrTimestamp() {
        assertThatThrownBy(() -> authenticate(new Credentials(null, null, "yesterday", "sha256=00"), BODY))
                .isInstanceOf(IntakeRejection.class);
        assertThatThrownBy(() -> authenticate(
                new Credentials(null, null, String.valueOf(NOW.getEpochSecond()), "sha256=zz"), BODY))
                .isInstanceOf(IntakeRejection.class);
    }

    @Test
    void shouldAcceptOnlyTheSourcesOwnTokens() {
        Source splunk = sources.find(SourceType.SPLUNK, "splunk").orElseThrow();

        assertThatCode(() -> authenticator.authenticate(splunk, new Credentials("url-token", null, null, null), BODY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.authenticate(splunk, new Credentials("bearer-1", null, null, null), BODY))
                .isInstanceOf(IntakeRejection.class);
        assertThatCode(() -> authenticate(new Credentials(null, "Bearer bearer-1", null, null), BODY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticate(new Credentials(null, "Basic YTpi", null, null), BODY))
                .isInstanceOf(IntakeRejection.class);
        assertThatThrownBy(() -> authenticate(new Credentials(null, null, null, null), BODY))
                .isInstanceOf(IntakeRejection.class);
    }

    @Test
    void shouldRefuseAConfigurationWhereNobodyCouldPost() {
        IntakeProperties locked = properties(Map.of("nobody", new SourceProperties(SourceType.WAZUH, List.of(),
                List.of(), null, List.of(), new Rate(1, 1), null)));

        assertThatThrownBy(() -> new Sources(locked)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vigie.intake.sources.nobody");
    }

    private void authenticate(Credentials credentials, byte[] body) {
        authenticator.authenticate(soar, credentials, body);
    }

    private static Credentials signed(String secret, Instant at) {
        return new Credentials(null, null, String.valueOf(at.getEpochSecond()),
                SourceAuthenticator.signature(secret, at.getEpochSecond(), BODY));
    }

    static IntakeProperties properties(Map<String, SourceProperties> sources) {
        return new IntakeProperties(sources, DataSize.ofKilobytes(256), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofDays(90), 500);
    }
}
