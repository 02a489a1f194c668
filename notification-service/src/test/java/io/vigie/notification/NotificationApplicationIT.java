package io.vigie.notification;

import io.vigie.test.ServiceContractTests;
import io.vigie.test.VigieInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Started through main(), so the test also proves the service finds its own notification.yml and migrations.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class NotificationApplicationIT extends ServiceContractTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, "notification");
    }

    @Override
    protected String serviceName() {
        return "notification-service";
    }
}
