package io.vigie.intake.source;

import io.vigie.intake.source.IntakeProperties.Rate;
import io.vigie.intake.source.IntakeProperties.SourceProperties;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A source's bindings (the clients it may speak for), as the configuration gives them and as start-up checks them. */
class SourcesTest {

    @Test
    void shouldBindASourceToEachOfItsClientsOnce() {
        Source edr = sources("edr", null, List.of(" acme ", "globex", "acme")).find(SourceType.GENERIC, "edr")
                .orElseThrow();

        assertThat(edr.boundClients()).containsExactly("acme", "globex");
    }

    @Test
    void shouldLeaveASourceWithOnlyAClientHintUnbound() {
        Source wazuh = sources("wazuh-lyon", "lyon-hospital", List.of()).find(SourceType.GENERIC, "wazuh-lyon")
                .orElseThrow();

        assertThat(wazuh.clientHint()).isEqualTo("lyon-hospital");
        assertThat(wazuh.boundClients()).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithABlankClientIdNamingTheSetting() {
        assertThatThrownBy(() -> sources("edr", null, List.of("acme", " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("vigie.intake.sources.edr.clients[1] is blank");
    }

    @Test
    void shouldRefuseToStartWithAClientHintOutsideTheBindings() {
        assertThatThrownBy(() -> sources("edr", "initech", List.of("acme", "globex")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("vigie.intake.sources.edr.client-hint 'initech' is not among its clients [acme, globex]: "
                        + "add it to clients, or remove the hint");
    }

    private static Sources sources(String name, String clientHint, List<String> clients) {
        return new Sources(SourceAuthenticatorTest.properties(Map.of(name, new SourceProperties(SourceType.GENERIC,
                List.of("token"), List.of(), clientHint, clients, new Rate(1, 1), null))));
    }
}
