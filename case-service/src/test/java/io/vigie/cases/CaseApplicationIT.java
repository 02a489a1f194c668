package io.vigie.cases;

import io.vigie.test.ServiceContractTests;
import io.vigie.test.VigieInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Started through main(), so the test also proves the service finds its own case.yml and migrations.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class CaseApplicationIT extends ServiceContractTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, "cases");
    }

    @Override
    protected String serviceName() {
        return "case-service";
    }
}
