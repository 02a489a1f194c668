package io.vigie.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void shouldUseTheDocumentedPortsAndAnEmbeddedDatabasePerServiceByDefault() {
        LocalStackSettings settings = LocalStackSettings.fromCommandLine(new String[0], Map.of(), new Properties());

        assertThat(settings.varDirectory()).isEqualTo(Path.of("var"));
        assertThat(settings.registryPort()).isEqualTo(8081);
        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.mailboxPort()).isEqualTo(8025);
        assertThat(settings.servicePorts()).containsExactly(
                Map.entry(VigieService.ALERT_INTAKE, 8080), Map.entry(VigieService.TRIAGE, 8082),
                Map.entry(VigieService.NOTIFICATION, 8083), Map.entry(VigieService.CASE, 8084),
                Map.entry(VigieService.POSTMORTEM, 8085), Map.entry(VigieService.REGULATORY, 8086));
        assertThat(settings.database(VigieService.CASE).url())
                .startsWith("jdbc:h2:file:" + Path.of("var/db/case/vigie_case").toAbsolutePath())
                .contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(settings.database(VigieService.CASE).username()).isEqualTo("sa");
    }

    @Test
    void shouldMoveEveryDefaultPortByTheOffsetButKeepAnExplicitPort() {
        String[] args = {"--var-dir=/tmp/vigie-other", "--port-offset", "100", "--triage-port=9000"};

        LocalStackSettings settings = LocalStackSettings.fromCommandLine(args, Map.of(), new Properties());

        assertThat(settings.varDirectory()).isEqualTo(Path.of("/tmp/vigie-other"));
        assertThat(settings.registryPort()).isEqualTo(8181);
        assertThat(settings.smtpPort()).isEqualTo(3125);
        assertThat(settings.mailboxPort()).isEqualTo(8125);
        assertThat(settings.servicePort(VigieService.ALERT_INTAKE)).isEqualTo(8180);
        assertThat(settings.servicePort(VigieService.TRIAGE)).isEqualTo(9000);
        assertThat(settings.servicePort(VigieService.POSTMORTEM)).isEqualTo(8185);
    }

    @Test
    void shouldTakeTheVarDirectoryAndOffsetFromSystemPropertiesWhenNotGivenAsArguments() {
        Properties system = new Properties();
        system.setProperty("vigie.local-stack.var-dir", "/srv/vigie");
        system.setProperty("vigie.local-stack.port-offset", "10");

        LocalStackSettings settings = LocalStackSettings.fromCommandLine(new String[] {"--port-offset=20"}, Map.of(), system);

        assertThat(settings.varDirectory()).isEqualTo(Path.of("/srv/vigie"));
        assertThat(settings.servicePort(VigieService.CASE)).isEqualTo(8104);
    }

    @Test
    void shouldPointOnlyTheNamedServiceAtPostgresqlFromTheEnvironment() {
        Map<String, String> environment = Map.of(
                "VIGIE_TRIAGE_DB_URL", "jdbc:postgresql://db:5432/vigie_triage",
                "VIGIE_TRIAGE_DB_USER", "triage",
                "VIGIE_DB_PASSWORD", "secret");

        LocalStackSettings settings = LocalStackSettings.fromCommandLine(new String[0], environment, new Properties());

        assertThat(settings.database(VigieService.TRIAGE))
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/vigie_triage", "triage", "secret"));
        assertThat(settings.database(VigieService.CASE).isEmbedded()).isTrue();
    }

    @Test
    void shouldRejectAnUnknownOptionAndAPortThatIsNotANumber() {
        assertThatThrownBy(() -> LocalStackSettings.fromCommandLine(new String[] {"--kafka-port=9092"}, Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option --kafka-port");
        assertThatThrownBy(() -> LocalStackSettings.fromCommandLine(new String[] {"--smtp-port=smtp"}, Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--smtp-port must be a number, not 'smtp'");
        assertThatThrownBy(() -> LocalStackSettings.fromCommandLine(new String[] {"--port-offset=60000"}, Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 1-65535");
    }
}
