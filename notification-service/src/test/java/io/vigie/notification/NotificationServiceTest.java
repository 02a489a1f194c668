package io.vigie.notification;

import io.vigie.test.VigieServiceTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service started through main() on the real infrastructure, with short back-offs and a movable clock
 * (test-support's service test), and the replies mailbox ({@link TestInfrastructure}). Every integration test uses
 * exactly this, so the module starts one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigieServiceTest(properties = {
        "vigie.notification.delivery.poll-interval=100ms",
        "vigie.notification.delivery.initial-back-off=500ms",
        "vigie.notification.delivery.max-back-off=2s",
        "vigie.notification.delivery.max-attempts=5",
        "vigie.notification.notices.schedule-check=200ms",
        "vigie.notification.acknowledgement.check=200ms",
        "vigie.notification.status.poll-interval=200ms",
        "vigie.notification.escalation.on-duty-phone=+33 6 99 99 99 99",
        "vigie.notification.links.secret=integration-test-secret-of-32-characters-at-least",
        "vigie.notification.links.base-url=http://vigie.test",
        "vigie.notification.comms.address=comms@vigie.test",
        "vigie.notification.managers.address=managers@vigie.test",
        // Loopback and the metadata address allow-listed on purpose: the webhook tests prove the address check
        // refuses them anyway (at registration and at send time); tickets.acme.example is a client's ticketing host.
        "vigie.notification.webhook.allowed-hosts=127.0.0.1,localhost,169.254.169.254,tickets.acme.example",
        "vigie.outbox.poll-interval=200ms",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000",
        "vigie.security.users[0].name=comms",
        "vigie.security.users[0].password={noop}comms-password",
        "vigie.security.users[0].roles[0]=COMMUNICATIONS",
        "vigie.security.users[1].name=viewer",
        "vigie.security.users[1].password={noop}viewer-password",
        "vigie.security.users[1].roles[0]=VIEWER",
        "vigie.security.users[2].name=manager",
        "vigie.security.users[2].password={noop}manager-password",
        "vigie.security.users[2].roles[0]=MANAGER"})
// Takes the place of the service test's initializer, whose work it does before adding the mailbox.
@ContextConfiguration(initializers = TestInfrastructure.class)
public @interface NotificationServiceTest {
}
