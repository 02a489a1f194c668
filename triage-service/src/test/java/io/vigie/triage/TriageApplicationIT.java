package io.vigie.triage;

import io.vigie.test.ServiceContractTests;

// Started through main(), so the test also proves the service finds its own triage.yml and migrations. It shares the
// ITs' started service, so no second listener joins the triage-service group.
@TriageServiceTest
class TriageApplicationIT extends ServiceContractTests {

    @Override
    protected String serviceName() {
        return "triage-service";
    }
}
