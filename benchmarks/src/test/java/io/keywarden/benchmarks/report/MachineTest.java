package io.keywarden.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void reportsTheCryptoFeaturesPresentInTheirFixedOrder() {
        String line = " fpu vme sha_ni avx2 aes pclmulqdq vaes vpclmulqdq sse4_2 ";
        assertThat(Machine.features(line)).isEqualTo("aes pclmulqdq vaes vpclmulqdq avx2 sha_ni");
    }

    @Test
    void tellsAnAvx512HostFromOneWithout() {
        assertThat(Machine.features("aes avx2 avx512f avx512vl vaes")).isEqualTo("aes vaes avx2 avx512f avx512vl");
        assertThat(Machine.features("fpu sse2")).isEqualTo("none");
    }

    @Test
    void theCurrentMachineNamesItsFeaturesOnLinux() {
        Machine m = Machine.current();
        assertThat(m.cores()).isPositive();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(m.cpuFeatures()).isNotEqualTo("unknown");
        }
    }
}
