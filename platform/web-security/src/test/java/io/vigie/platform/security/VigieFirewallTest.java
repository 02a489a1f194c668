package io.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class VigieFirewallTest {

    // Spring Security's own expressions (StrictHttpFirewall), which the loops replace.
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void shouldRefuseExactlyWhatSpringSecuritysExpressionsRefuseForEveryCodePoint() {
        List<String> differences = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            String one = "a" + Character.toString(c) + "b";
            if (VigieFirewall.assignedAndNotControl(one) != NAMES.matcher(one).matches()) {
                differences.add("name U+" + Integer.toHexString(c));
            }
            if (VigieFirewall.headerValue(one) != VALUES.matcher(one).matches()) {
                differences.add("value U+" + Integer.toHexString(c));
            }
        }

        assertThat(differences).isEmpty();
    }

    @Test
    void shouldRefuseALoneSurrogateAsTheExpressionDoes() {
        String lone = "a\uD800b";

        assertThat(VigieFirewall.headerValue(lone)).isEqualTo(VALUES.matcher(lone).matches());
    }

    @Test
    void shouldLetAnOrdinaryRequestThroughAndStopAControlCharacterInAHeader() {
        MockHttpServletRequest ordinary = new MockHttpServletRequest("POST", "/api/v1/alerts");
        ordinary.addHeader("Content-Type", "application/json");
        ordinary.addHeader("X-Vigie-Signature", "sha256=\tabc");
        MockHttpServletRequest hostile = new MockHttpServletRequest("POST", "/api/v1/alerts");
        hostile.addHeader("X-Evil", "line\u0007bell");

        var firewalled = VigieFirewall.create().getFirewalledRequest(ordinary);
        var rejected = VigieFirewall.create().getFirewalledRequest(hostile);

        assertThat(firewalled.getHeader("X-Vigie-Signature")).isEqualTo("sha256=\tabc");
        assertThatThrownBy(() -> rejected.getHeader("X-Evil")).isInstanceOf(RequestRejectedException.class);
    }
}
