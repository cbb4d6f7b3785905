package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ServerTimingTest {

    @Test
    void millisecondsWithTwoDecimalsAsAFormatterWouldWriteThem() {
        long[] samples = {0, 4_999, 5_000, 90_000, 1_000_000, 1_004_999, 1_005_001, 12_345_678, 999_995_000, 61_234_567_890L};
        for (long nanos : samples) {
            assertThat(ServerTiming.millis(nanos)).as(nanos + " ns")
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0));
        }
    }
}
