package io.vigie.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackPortConflictTest {

    @TempDir
    Path varDirectory;

    @Test
    void shouldNameThePortTheComponentAndTheFixBeforeStartingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            // given
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            LocalStackSettings settings = LocalStackSettings.defaults()
                    .withVarDirectory(varDirectory)
                    .withAnyFreePorts()
                    .withServicePort(VigieService.TRIAGE, port);

            // when / then
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOfSatisfying(PortTakenException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.component()).isEqualTo("triage-service");
                    })
                    .hasMessageContaining("Port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--triage-port=PORT")
                    .hasMessageContaining("--port-offset=N");
            assertThat(varDirectory.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void shouldRefuseToGiveTwoComponentsOnePort() {
        LocalStackSettings settings = LocalStackSettings.defaults()
                .withVarDirectory(varDirectory)
                .withAnyFreePorts()
                .withRegistryPort(18_082)
                .withServicePort(VigieService.CASE, 18_082);

        assertThatThrownBy(() -> LocalStack.start(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Port 18082 is configured for both the schema registry and the case-service");
    }
}
