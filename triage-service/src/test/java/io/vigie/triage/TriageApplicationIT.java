package io.vigie.triage;

import io.vigie.test.ServiceContractTests;
import io.vigie.test.VigieInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@org.springframework.test.annotation.DirtiesContext // its listener would share the triage-service group with the ITs' context
// Started through main(), so the test also proves the service finds its own triage.yml and migrations.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class TriageApplicationIT extends ServiceContractTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, "triage");
    }

    @Override
    protected String serviceName() {
        return "triage-service";
    }
}
