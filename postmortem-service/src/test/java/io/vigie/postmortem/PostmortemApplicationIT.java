package io.vigie.postmortem;

import io.vigie.test.ServiceContractTests;
import io.vigie.test.VigieInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Started through main(), so the test also proves the service finds its own postmortem.yml and migrations.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class PostmortemApplicationIT extends ServiceContractTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, "postmortem");
    }

    @Override
    protected String serviceName() {
        return "postmortem-service";
    }
}
