package io.vigie.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.localstack.demo.DemoScenario;
import org.junit.jupiter.api.Test;

class DemoOptionTest {

    @Test
    void shouldReplayNothingWithoutTheFlagAndEveryScenarioWithTheBareFlag() {
        assertThat(LocalStackMain.demoScenarios(new String[] {"--var-dir=/tmp/x"})).isEmpty();
        assertThat(LocalStackMain.demoScenarios(new String[] {"--demo", "--port-offset=100"}))
                .containsExactly(DemoScenario.LOCKED_ACCOUNT, DemoScenario.PERSONAL_DATA, DemoScenario.DDOS,
                        DemoScenario.MALWARE, DemoScenario.PHISHING);
    }

    @Test
    void shouldReplayTheNamedScenariosOnceEachInPipelineOrder() {
        assertThat(LocalStackMain.demoScenarios(new String[] {"--demo=phishing,malware, DDoS,malware"}))
                .containsExactly(DemoScenario.DDOS, DemoScenario.MALWARE, DemoScenario.PHISHING);
    }

    @Test
    void shouldRefuseAnUnknownScenarioNamingTheKnownOnes() {
        assertThatThrownBy(() -> LocalStackMain.demoScenarios(new String[] {"--demo=ddos,ransomware"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ransomware'")
                .hasMessageContaining("locked-account,personal-data,ddos,malware,phishing");
        assertThatThrownBy(() -> LocalStackMain.demoScenarios(new String[] {"--demo="}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("locked-account,personal-data,ddos,malware,phishing");
    }
}
