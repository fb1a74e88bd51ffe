package dev.storefront.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "0.0.0.0, true",
        "localhost, true",
        "::1, true",
        // TEST-NET-1 (RFC 5737): documentation only, no machine's address.
        "192.0.2.1, false",
        "no-such-host.invalid, false"
    })
    void anAddressIsLocalWhenThisMachineCanListenOnIt(String host, boolean local) {
        assertThat(Probes.localAddress(host)).as(host).isEqualTo(local);
    }
}
