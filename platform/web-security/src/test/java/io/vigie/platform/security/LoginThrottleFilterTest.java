package io.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter finds who a request logs in as, by HTTP Basic or by a login form, and holds it back while locked. */
class LoginThrottleFilterTest {

    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(2, 100, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15)),
            Clock.systemUTC(), new SimpleMeterRegistry());
    private final LoginThrottleFilter filter = new LoginThrottleFilter(throttle);

    @BeforeEach
    void lockTheAnalyst() {
        throttle.failed("analyst", "198.51.100.7");
        throttle.failed("analyst", "198.51.100.7");
    }

    @Test
    void shouldHoldBackAFormLoginAndABasicLoginForALockedUser() throws Exception {
        MockHttpServletRequest form = formLogin("analyst");
        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/api/cases");
        basic.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("analyst:right-at-last".getBytes(StandardCharsets.UTF_8)));

        for (MockHttpServletRequest request : new MockHttpServletRequest[] {form, basic}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, response, chain);
            assertThat(response.getStatus()).isEqualTo(429);
            assertThat(response.getHeader("Retry-After")).isNotNull();
            assertThat(chain.getRequest()).as("the request went no further").isNull();
        }
    }

    @Test
    void shouldLetOtherUsersAndRequestsWithoutCredentialsThrough() throws Exception {
        MockHttpServletRequest other = formLogin("viewer");
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/dashboard");

        for (MockHttpServletRequest request : new MockHttpServletRequest[] {other, anonymous}) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isSameAs(request);
        }
    }

    private static MockHttpServletRequest formLogin(String user) {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/dashboard/login");
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("username", user);
        form.addParameter("password", "right-at-last");
        return form;
    }
}
