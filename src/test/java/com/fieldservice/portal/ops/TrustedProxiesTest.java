package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.Settings;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("PORTAL_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.10, 2001:db8::/32");

    @Test
    void addressesAndBlocksOfBothFamiliesAreTrusted() {
        assertThat(proxies.trusts(ip("10.200.3.4"))).isTrue();
        assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(ip("192.168.1.10"))).isTrue();
        assertThat(proxies.trusts(ip("192.168.1.11"))).isFalse();
        assertThat(proxies.trusts(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(proxies.trusts(ip("2001:db9::1"))).isFalse();
    }

    @Test
    void theClientIsTheRightMostHopThatIsNotATrustedProxy() {
        assertThat(proxies.client(ip("10.0.0.1"), List.of("6.6.6.6, 203.0.113.9, 10.0.0.2"))).isEqualTo(ip("203.0.113.9"));
        assertThat(proxies.client(ip("10.0.0.1"), List.of("6.6.6.6", "203.0.113.9"))).isEqualTo(ip("203.0.113.9"));
        // every hop a proxy: the left-most one
        assertThat(proxies.client(ip("10.0.0.1"), List.of("10.9.9.9"))).isEqualTo(ip("10.9.9.9"));
        // no header: the proxy itself
        assertThat(proxies.client(ip("10.0.0.1"), List.of())).isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSays() {
        assertThat(proxies.client(ip("203.0.113.9"), List.of("10.0.0.5"))).isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void aMalformedHopStopsTheWalkAtTheLastGoodOneAndNoNameIsEverLookedUp() {
        assertThat(proxies.client(ip("10.0.0.1"), List.of("evil.example, 10.0.0.7"))).isEqualTo(ip("10.0.0.7"));
        assertThat(proxies.client(ip("10.0.0.1"), List.of("999.1.1.1"))).isEqualTo(ip("10.0.0.1"));
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
    }

    @Test
    void aWrongEntryStopsTheStartWithTheVariablesName() {
        assertThatThrownBy(() -> TrustedProxies.parse("PORTAL_TRUSTED_PROXIES", "10.0.0.0/33"))
                .isInstanceOf(Settings.SettingsException.class).hasMessageContaining("PORTAL_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxies.parse("PORTAL_TRUSTED_PROXIES", "proxy.internal"))
                .isInstanceOf(Settings.SettingsException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> Settings.from(java.util.Map.of("PORTAL_TRUSTED_PROXIES", "10.0.0.0/x")))
                .isInstanceOf(Settings.SettingsException.class);
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }
}
