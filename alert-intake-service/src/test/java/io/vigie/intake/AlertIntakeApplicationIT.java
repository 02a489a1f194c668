package io.vigie.intake;

import io.vigie.test.ServiceContractTests;

// Started through main(), so the test also proves the service finds its own alert-intake.yml and migrations; it shares
// the ITs' started service.
@IntakeServiceTest
class AlertIntakeApplicationIT extends ServiceContractTests {

    @Override
    protected String serviceName() {
        return "alert-intake-service";
    }
}
