package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a client address is counted by the rate limit. */
class SignInThrottleTest {

    @Test
    void anIpv6ClientCountsAsItsSlash64SoThatItCantRotateItsWayAround() {
        assertThat(SignInThrottle.counted("2001:db8:1:2:a:b:c:d")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInThrottle.counted("[2001:db8:1:2:ffff:1:2:3]")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInThrottle.counted("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(SignInThrottle.counted("[0:0:0:0:0:0:0:1]")).isEqualTo("0:0:0:0:0:0:0:0/64");
    }

    @Test
    void anIpv4ClientOrAnythingElseCountsAsItIs() {
        assertThat(SignInThrottle.counted("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(SignInThrottle.counted("::ffff:203.0.113.9")).isEqualTo("::ffff:203.0.113.9");
        assertThat(SignInThrottle.counted("not:an:address")).isEqualTo("not:an:address");
        assertThat(SignInThrottle.counted("unknown")).isEqualTo("unknown");
    }
}
