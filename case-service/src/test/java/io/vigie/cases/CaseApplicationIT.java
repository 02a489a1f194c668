package io.vigie.cases;

import io.vigie.test.ServiceContractTests;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void shouldServeTheDashboardLoginPageAndItsStylesheet() throws Exception {
        assertThat(get("/dashboard/login").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard/login").body()).contains("name=\"_csrf\"").contains("/dashboard/assets/dashboard.css");
        assertThat(get("/dashboard/assets/dashboard.css").statusCode()).isEqualTo(200);
    }
}
