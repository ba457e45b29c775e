package io.keywarden.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.benchmarks.probe.StreamMemory;
import io.keywarden.benchmarks.probe.WarmupProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forked-JVM probes, test-sized: they run, and what they report is consistent. */
class ProbesSmokeTest {

    @TempDir
    Path dir;

    @Test
    void streamMemoryDecryptsThroughCipherInputStreamInSixtyFourMib() {
        StreamMemory.Result r = StreamMemory.measure(dir, 16);
        assertThat(r.plaintextMatches()).isTrue();
        assertThat(r.heapOption()).isEqualTo("-Xmx64m");
        assertThat(r.maxHeapBytes()).isLessThanOrEqualTo(64L << 20);
        assertThat(r.decryptPeakUsedBytes()).isPositive().isLessThanOrEqualTo(r.maxHeapBytes());
        // 16 MiB of plaintext, one 16-byte tag per 64 KiB frame, one header
        assertThat(r.envelopeBytes()).isBetween((16L << 20) + 256 * 16, (16L << 20) + 256 * 16 + 512);
    }

    @Test
    void warmupProbeMeasuresAFreshJvm() {
        WarmupProbe.Result r = WarmupProbe.measure("jdk", "decrypt", "pretouched", 1.5);
        assertThat(r.impl()).isEqualTo("jdk");
        assertThat(r.heap()).isEqualTo("pretouched");
        assertThat(r.firstCallMillis()).isPositive();
        assertThat(r.steadyMessagesPerSecond()).isPositive();
        assertThat(r.ratio()).isPositive();
        assertThat(r.output()).isEqualTo("fresh");
    }

    @Test
    void warmupProbeWritesIntoOneBufferWhenAsked() {
        WarmupProbe.Result r = WarmupProbe.measure("keywarden-cached", "encrypt", "pretouched", "reused", 1.5);
        assertThat(r.output()).isEqualTo("reused");
        assertThat(r.firstSecondMessagesPerSecond()).isPositive();
        assertThat(r.steadyMessagesPerSecond()).isPositive();
    }

    @Test
    void warmupProbeRefusesAnUnknownOutput() {
        assertThatThrownBy(() -> WarmupProbe.measure("jdk", "encrypt", "pretouched", "mapped", 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fresh");
    }
}
