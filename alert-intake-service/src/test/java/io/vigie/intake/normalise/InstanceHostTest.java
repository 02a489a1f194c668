package io.vigie.intake.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceHostTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # URLs, as blackbox-exporter's HTTP probes and other URL targets label them
            https://portal.example.com                                     | portal.example.com
            https://portal.example.com:8443/health                         | portal.example.com
            http://Portal.Example.COM/login?next=/account                  | portal.example.com
            HTTPS://PORTAL.EXAMPLE.COM                                     | portal.example.com
            https://probe:s3cr%40t@portal.example.com:8443/health?x=1#top  | portal.example.com
            https://portal.example.com?probe=1                             | portal.example.com
            https://portal.example.com#status                              | portal.example.com
            https://portal.example.com:/                                   | portal.example.com
            tcp://db.example.com:5432                                      | db.example.com
            ssh://admin@10.0.0.7:22                                        | 10.0.0.7
            http://[2001:db8::1]:8080/metrics                              | 2001:db8::1
            https://[2001:DB8::A]/                                         | 2001:db8::a
            https://münchen.example/                                       | münchen.example
            # host:port, as Prometheus labels a scraped target
            web-1.example:9100                                             | web-1.example
            WEB-1.Example:9100                                             | web-1.example
            my_host.corp:9100                                              | my_host.corp
            10.0.0.7:9100                                                  | 10.0.0.7
            [2001:db8::1]:9100                                             | 2001:db8::1
            # bare hosts and addresses, as ICMP probes and static targets have them
            web-1                                                          | web-1
            Portal.Example.com.                                            | portal.example.com
            10.0.0.7                                                       | 10.0.0.7
            2001:db8::1                                                    | 2001:db8::1
            ::1                                                            | ::1
            [2001:db8::1]                                                  | 2001:db8::1
            # none of these: kept as they are
            default/web-7c9f                                               | default/web-7c9f
            web-1:http                                                     | web-1:http
            web-1:9100:extra                                               | web-1:9100:extra
            web-1:                                                         | web-1:
            'exa mple.com'                                                 | 'exa mple.com'
            'https://exa mple.com/'                                        | 'https://exa mple.com/'
            https://:8443/health                                           | https://:8443/health
            file:///var/run/probe.sock                                     | file:///var/run/probe.sock
            mailto:soc@example.com                                         | mailto:soc@example.com
            [2001:db8::1                                                   | [2001:db8::1
            [web-1]:9100                                                   | [web-1]:9100
            [10.0.0.7]                                                     | [10.0.0.7]
            [2001:db8::1]:http                                             | [2001:db8::1]:http
            [                                                              | [
            []:                                                            | []:
            a://@                                                          | a://@
            ://                                                            | ://
            """)
    void shouldTakeTheHostOutOfAnInstanceLabel(String instance, String host) {
        assertThat(InstanceHost.of(instance)).isEqualTo(host);
    }

    @Test
    void shouldGiveNothingForNoInstance() {
        assertThat(InstanceHost.of(null)).isNull();
    }
}
