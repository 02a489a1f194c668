package io.vigie.postmortem;

import io.vigie.test.ServiceContractTests;

// Started through main(), so the test also proves the service finds its own postmortem.yml and migrations.
@PostmortemServiceTest
class PostmortemApplicationIT extends ServiceContractTests {

    @Override
    protected String serviceName() {
        return "postmortem-service";
    }
}
