package io.vigie.notification.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.8", "172.16.5.4", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254",
            "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "198.18.0.1"})
    void shouldRefuseAHostThatResolvesToAnInternalAddress(String address) {
        WebhookGuard guard = new WebhookGuard(List.of("tickets.client.example"),
                host -> new InetAddress[]{InetAddress.getByName(address)});

        assertThatThrownBy(() -> guard.check(URI.create("https://tickets.client.example/hook")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("resolves to");
    }

    @Test
    void shouldRefuseWhenAnyOfTheAddressesIsInternal() {
        WebhookGuard guard = new WebhookGuard(List.of("tickets.client.example"), host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.1.1")});

        assertThatThrownBy(() -> guard.check(URI.create("https://tickets.client.example/hook")))
                .hasMessageContaining("10.1.1.1");
    }

    @Test
    void shouldAcceptAnAllowListedHostWithPublicAddresses() throws Exception {
        WebhookGuard guard = new WebhookGuard(List.of("*.client.example"), host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")});

        assertThat(guard.check(URI.create("https://tickets.client.example/hook"))).hasSize(2);
    }

    @Test
    void shouldRefuseHostsNotAllowListedOtherSchemesAndCredentials() {
        WebhookGuard guard = new WebhookGuard(List.of("tickets.client.example"), host -> {
            throw new UnknownHostException("must not be resolved");
        });

        assertThatThrownBy(() -> guard.check(URI.create("https://evil.example/hook")))
                .hasMessageContaining("not in vigie.notification.webhook.allowed-hosts");
        assertThatThrownBy(() -> guard.check(URI.create("https://tickets.client.example.evil.example/")))
                .hasMessageContaining("not in");
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd"))).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> guard.check(URI.create("https://user:pw@tickets.client.example/")))
                .hasMessageContaining("credentials");
    }
}
