package io.vigie.triage.incident;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.vigie.triage.alert.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;

class SightingsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldKeepTheLatestDetectionWhenAnAlertDetectedEarlierArrivesLate() {
        // given
        Sightings first = Sightings.first(alert().detectedAt(T0).build());

        // when
        Sightings joined = first.with(alert().detectedAt(T0.plusSeconds(60)).build())
                .with(alert().detectedAt(T0.minusSeconds(60)).build());

        // then
        assertThat(joined.alertCount()).isEqualTo(3);
        assertThat(joined.firstDetected()).isEqualTo(T0);
        assertThat(joined.lastDetected()).isEqualTo(T0.plusSeconds(60));
        assertThat(joined.firstReceived()).isEqualTo(T0);
    }

    @Test
    void shouldFollowWhatTheLatestAlertSaysOfTheSourcesResolution() {
        Sightings resolved = Sightings.first(alert().detectedAt(T0).build()).with(alert().resolved().build());

        assertThat(resolved.sourceResolved()).isTrue();
        assertThat(resolved.with(alert().build()).sourceResolved()).isFalse();
    }
}
