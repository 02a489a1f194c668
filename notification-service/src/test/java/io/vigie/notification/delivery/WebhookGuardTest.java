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
            "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "198.18.0.1",
            "::ffff:a9fe:a9fe", "::127.0.0.1", "::a9fe:a9fe", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1",
            "64:ff9b:1::a00:1", "2002:7f00:1::1", "2002:a9fe:a9fe::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"})
    void shouldRefuseAHostThatResolvesToAnInternalAddress(String address) {
        WebhookGuard guard = new WebhookGuard(List.of("tickets.client.example"),
                host -> new InetAddress[]{InetAddress.getByName(address)});

        assertThatThrownBy(() -> guard.check(URI.create("https://tickets.client.example/hook")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("resolves to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/hook", "http://0177.0.0.1/hook", "http://0x7f.1/hook",
            "http://127.1/hook", "http://017700000001/hook", "http://[::ffff:127.0.0.1]/hook",
            "http://[::ffff:a9fe:a9fe]/hook", "http://[64:ff9b::a9fe:a9fe]/hook", "http://[::127.0.0.1]/hook",
            "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/hook"})
    void shouldRefuseNumericAndInternalAddressFormsBeforeAnyLookup(String url) {
        // Every host above is allow-listed: the form or the address itself is what is refused, with no DNS asked.
        // (0x7f.1 and 127.1 are not even host names to java.net.URI: no host at all.)
        String host = URI.create(url).getHost();
        WebhookGuard guard = new WebhookGuard(List.of(host == null ? "tickets.client.example" : host), name -> {
            throw new UnknownHostException("must not be resolved");
        });

        assertThat(guard.refusal(url)).hasValueSatisfying(reason ->
                assertThat(reason).containsAnyOf("a number in a form other than a.b.c.d", "reserved address", "no host"));
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void shouldRegisterAnAllowListedNameOrPublicAddressWithoutResolvingIt() {
        WebhookGuard guard = new WebhookGuard(List.of("tickets.client.example", "93.184.216.34"), name -> {
            throw new UnknownHostException("must not be resolved");
        });

        assertThat(guard.refusal("https://tickets.client.example/hook")).isEmpty();
        assertThat(guard.refusal("https://93.184.216.34/hook")).isEmpty();
        assertThat(guard.refusal("https://tickets.client.example:8443/hook?x=1")).isEmpty();
        assertThat(guard.refusal("not a url at all")).isPresent();
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

    @Test
    void shouldLetALocalSinkOnThisMachineThroughOnlyWhenLoopbackIsAllowedAndNothingElseInternal() throws Exception {
        WebhookGuard local = new WebhookGuard(List.of("127.0.0.1", "sink.local"), host -> new InetAddress[]{
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.7")}, true);
        WebhookGuard strict = new WebhookGuard(List.of("127.0.0.1"), host -> new InetAddress[0]);

        assertThat(local.refusal("http://127.0.0.1:8025/tickets/client-c")).isEmpty();
        assertThat(strict.refusal("http://127.0.0.1:8025/tickets/client-c")).isPresent();
        assertThatThrownBy(() -> local.check(URI.create("http://sink.local/tickets"))).hasMessageContaining("10.0.0.7");
    }
}
