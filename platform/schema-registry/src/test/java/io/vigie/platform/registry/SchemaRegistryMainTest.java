package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.platform.registry.SchemaRegistryMain.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaRegistryMainTest {

    @Test
    void shouldDefaultToLoopbackPort8081AndVarRegistry() {
        Options options = Options.parse();

        assertThat(options).isEqualTo(new Options("127.0.0.1", 8081, Path.of("var", "registry"), false));
    }

    @Test
    void shouldReadSpaceAndEqualsSeparatedOptions() {
        Options options = Options.parse("--host", "0.0.0.0", "--port=0", "--data", "/tmp/reg");

        assertThat(options).isEqualTo(new Options("0.0.0.0", 0, Path.of("/tmp/reg"), false));
    }

    @Test
    void shouldRecogniseHelp() {
        assertThat(Options.parse("--help").help()).isTrue();
    }

    @Test
    void shouldRejectUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> Options.parse("--verbose", "yes")).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> Options.parse("--port", "http")).hasMessageContaining("'http'");
        assertThatThrownBy(() -> Options.parse("--port", "70000")).hasMessageContaining("65535");
        assertThatThrownBy(() -> Options.parse("--data")).hasMessageContaining("Missing a value");
    }
}
