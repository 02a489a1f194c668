package io.vigie.cases;

import io.vigie.test.ServiceContractTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// Started through main(), so the test also proves the service finds its own case.yml and migrations; it shares the
// ITs' started service.
@CaseServiceTest
class CaseApplicationIT extends ServiceContractTests {

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
