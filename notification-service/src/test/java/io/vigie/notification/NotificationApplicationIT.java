package io.vigie.notification;

import io.vigie.test.ServiceContractTests;

// Started through main(), so the test also proves the service finds its own notification.yml and migrations.
@NotificationServiceTest
class NotificationApplicationIT extends ServiceContractTests {

    @Override
    protected String serviceName() {
        return "notification-service";
    }
}
