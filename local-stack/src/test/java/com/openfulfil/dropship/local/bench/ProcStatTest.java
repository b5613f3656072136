package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcStatTest {

    @Test
    void addsUserAndSystemTicksOfAStatLine() {
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 123 0 0 0 1500 250 0 0 20 0 40 0 1000 0 0";

        assertThat(ProcStat.cpuTicks(stat)).isEqualTo(1750);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "77 (my (weird) name) R 1 77 77 0 -1 0 0 0 0 0 31 9 0 0 20 0 1 0 5 0 0";

        assertThat(ProcStat.cpuTicks(stat)).isEqualTo(40);
    }

    @Test
    void readsKilobyteFieldsOfAStatusFile() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  512000 kB\nVmRSS:\t  480000 kB\nThreads:\t40\n";

        assertThat(ProcStat.kb(status, "VmHWM")).isEqualTo(512000);
        assertThat(ProcStat.kb(status, "VmRSS")).isEqualTo(480000);
        assertThat(ProcStat.kb(status, "VmSwap")).isZero();
    }

    @Test
    void theMachinesBusyTicksLeaveOutIdleAndIoWait() {
        String stat = "cpu  100 5 40 9000 300 7 8 2 0 0\ncpu0 50 2 20 4500 150 3 4 1 0 0\n";

        assertThat(ProcStat.busyTicks(stat)).isEqualTo(100 + 5 + 40 + 7 + 8 + 2);
        assertThat(ProcStat.machineBusyTicks()).hasValueSatisfying(ticks -> assertThat(ticks).isPositive());
    }

    @Test
    void theOtherProcessesAreTheMachinesBusyTimeLessTheNamedOnesAndStayOutOfTheTotal() {
        ResourceMeter meter = new ResourceMeter(Map.of("this test", ProcessHandle.current().pid()), 100);

        Map<String, Long> snapshot = meter.snapshot();
        assertThat(snapshot).containsKeys("this test", ResourceMeter.OTHERS);
        Map<String, Double> per = ResourceMeter.perThousand(Map.of("order-service", 2.0, ResourceMeter.OTHERS, 50.0), 1000);
        assertThat(per.get("total")).isCloseTo(2.0, within(1e-9));
        assertThat(per.get(ResourceMeter.OTHERS)).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void tellsTheJitCompilerThreadsByTheirName() {
        assertThat(ProcStat.isCompiler("812 (C2 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 900 3 0 0")).isTrue();
        assertThat(ProcStat.isCompiler("813 (C1 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 90 1 0 0")).isTrue();
        assertThat(ProcStat.isCompiler("814 (kafka-producer-) S 1 4242 4242 0 -1 0 0 0 0 0 90 1 0 0")).isFalse();
        // this test's own JVM compiles too: its compiler threads are found and their time is part of its own
        long compiling = ProcStat.compilerTicks(ProcessHandle.current().pid());
        assertThat(compiling).isNotNegative()
                .isLessThanOrEqualTo(ProcStat.read(ProcessHandle.current().pid()).orElseThrow().cpuTicks());
        assertThat(ProcStat.compilerTicks(-1)).isZero();
    }

    @Test
    void theCompilersTimeIsShownAfterTheTotalAndNotAddedToIt() {
        Map<String, Double> per = ResourceMeter.perThousand(new java.util.LinkedHashMap<>(Map.of("order-service", 12.0,
                ResourceMeter.COMPILING, 3.0)), 6000);

        assertThat(per.get("total")).isCloseTo(2.0, within(1e-9));
        assertThat(per.get(ResourceMeter.COMPILING)).isCloseTo(0.5, within(1e-9));
        assertThat(per.keySet()).containsExactly("order-service", "total", ResourceMeter.COMPILING);
    }

    @Test
    void readsThisVeryProcess() {
        ProcStat.Sample self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();

        assertThat(self.cpuTicks()).isPositive();
        assertThat(self.peakRssKb()).isGreaterThanOrEqualTo(self.rssKb()).isPositive();
        assertThat(ProcStat.read(-1)).isEmpty();
    }

    @Test
    void cpuPerThousandOrdersDividesEachProcessAndAddsATotal() {
        Map<String, Double> per = ResourceMeter.perThousand(Map.of("order-service", 12.0, "kafka broker", 6.0), 6000);

        assertThat(per.get("order-service")).isCloseTo(2.0, within(1e-9));
        assertThat(per.get("kafka broker")).isCloseTo(1.0, within(1e-9));
        assertThat(per.get("total")).isCloseTo(3.0, within(1e-9));
        assertThat(ResourceMeter.perThousand(Map.of("x", 1.0), 0)).isEmpty();
    }

    @Test
    void cpuSecondsAreTheTickDifferenceOverTheClockRate() {
        ResourceMeter meter = new ResourceMeter(Map.of(), 100);

        Map<String, Double> seconds = meter.cpuSeconds(Map.of("a", 1000L, "b", 5L), Map.of("a", 1450L, "c", 9L));

        assertThat(seconds).containsOnlyKeys("a");
        assertThat(seconds.get("a")).isCloseTo(4.5, within(1e-9));
    }
}
