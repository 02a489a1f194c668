package io.vigie.load.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.Test;

class ScaleModeTest {

    @Test
    void shouldParseTheScaleModeWithItsDefaultsAndItsStormSize() {
        LoadOptions defaults = LoadOptions.parse(new String[] {"scale"});
        LoadOptions shorter = LoadOptions.parse(new String[] {"scale", "20", "40", "--storm=300"});

        assertThat(defaults.mode()).isEqualTo(LoadOptions.Mode.SCALE);
        assertThat(List.of(defaults.rate(), defaults.seconds(), defaults.stormAlerts(), defaults.connections()))
                .containsExactly(100, 120, 1_000, 32);
        assertThat(List.of(shorter.rate(), shorter.seconds(), shorter.stormAlerts())).containsExactly(20, 40, 300);
    }

    @Test
    void shouldRefuseTheStormSizeOutsideTheScaleMode() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"steady", "--storm=300"}))
                .hasMessageContaining("--storm");
    }

    @Test
    void shouldExpectOneIncidentPerAlertsPerIncidentSteadyAlertsAndOneForTheStorm() {
        ScaleRun.Settings settings = new ScaleRun.Settings(20, 40, 500, 50, 10, 20, 32, "1g", Map.of(), Duration.ofMinutes(5));

        assertThat(settings.alerts()).isEqualTo(800);
        assertThat(settings.expectedIncidents()).isEqualTo(81);
        assertThat(settings.stormNotifications()).isEqualTo(10);
    }

    @Test
    void shouldReportEachKillAndEveryFailedCheckWithItsCases() {
        ScaleReport report = new ScaleReport("r1", new ScaleRun.Settings(20, 40, 0, 50, 10, 20, 32, "1g", Map.of(),
                Duration.ofMinutes(5)));
        report.kills.add(new ScaleRun.Kill(VigieService.NOTIFICATION, 5_700, 110, 23_400));
        report.kills.add(new ScaleRun.Kill(VigieService.ALERT_INTAKE, 11_400, 220, -1));
        report.check("each consumer group's lag is 0", List.of());
        report.check("every killed instance answered again", List.of("alert-intake-service"));
        report.cleanStop = Duration.ofSeconds(3);

        assertThat(report.summary())
                .contains("notification-service", "23.4 s", "never")
                .contains("  ok      each consumer group's lag is 0")
                .contains("  FAILED  every killed instance answered again: 1, e.g. [alert-intake-service]");
        assertThat(report.failures()).containsExactly("every killed instance answered again: 1 failed, e.g. [alert-intake-service]");
    }
}
