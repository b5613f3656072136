package com.openfulfil.dropship.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {
    @TempDir
    Path dir;

    /** The ports this machine's stacks get: outside its ephemeral range, never twice, and free to listen on. */
    @Test
    void portsAreOutsideTheEphemeralRangeDistinctAndBindable() throws IOException {
        FreePorts.Range ephemeral = FreePorts.ephemeral();
        List<Integer> ports = IntStream.range(0, 40).mapToObj(i -> StackConfig.freePort()).toList();

        assertThat(ports).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(ephemeral.contains(port)).as("%d in %s", port, ephemeral).isFalse())
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST));
        List<ServerSocket> listening = new ArrayList<>();
        try {
            for (int port : ports) {
                ServerSocket socket = new ServerSocket();
                listening.add(socket);
                socket.bind(new InetSocketAddress(port));
            }
        } finally {
            for (ServerSocket socket : listening) {
                socket.close();
            }
        }
    }

    @Test
    void theRangeIsTheKernelsWhenItCanBeRead() throws IOException {
        Path file = Files.writeString(dir.resolve("ip_local_port_range"), "40000\t50000\n");

        assertThat(FreePorts.ephemeralRange(file)).isEqualTo(new FreePorts.Range(40000, 50000));
    }

    @Test
    void withoutTheKernelsRangeEverythingFrom32768IsTakenForEphemeral() throws IOException {
        assertThat(FreePorts.ephemeralRange(dir.resolve("missing"))).isEqualTo(FreePorts.DEFAULT_EPHEMERAL);
        assertThat(FreePorts.ephemeralRange(Files.writeString(dir.resolve("garbage"), "any port\n")))
                .isEqualTo(FreePorts.DEFAULT_EPHEMERAL);
        assertThat(FreePorts.DEFAULT_EPHEMERAL.contains(32768)).isTrue();
        assertThat(FreePorts.DEFAULT_EPHEMERAL.contains(65535)).isTrue();
    }

    @Test
    void portsComeFromBelowAndAboveTheRange() {
        FreePorts ports = new FreePorts(new FreePorts.Range(11000, 65000), port -> true, 0);
        Set<Integer> handed = new HashSet<>();
        for (int i = 0; i < 1000 + 535; i++) {
            handed.add(ports.take());
        }

        assertThat(handed).hasSize(1535).allSatisfy(port -> assertThat(port).satisfiesAnyOf(
                p -> assertThat(p).isBetween(FreePorts.LOWEST, 10999),
                p -> assertThat(p).isBetween(65001, FreePorts.HIGHEST)));
    }

    @Test
    void aPortInUseIsPassedOver() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            // every port from LOWEST up is a candidate, and the search begins at the one in use
            FreePorts ports = new FreePorts(new FreePorts.Range(1, FreePorts.LOWEST - 1), FreePorts::isFree,
                    port - FreePorts.LOWEST);

            assertThat(FreePorts.isFree(port)).isFalse();
            assertThat(ports.take()).isNotEqualTo(port).isGreaterThan(port);
        }
    }

    @Test
    void withNoPortOutsideTheRangeTheKernelChooses() {
        FreePorts ports = new FreePorts(new FreePorts.Range(1024, FreePorts.HIGHEST), port -> false, 0);

        int first = ports.take();
        int second = ports.take();

        assertThat(first).isPositive();
        assertThat(second).isPositive().isNotEqualTo(first);
    }

    @Test
    void aJvmNeverHandsOutAPortTwiceEvenWhenItComesRoundAgain() {
        FreePorts ports = new FreePorts(new FreePorts.Range(10003, 65535), port -> true, 0);

        List<Integer> handed = IntStream.range(0, 3).mapToObj(i -> ports.take()).toList();
        int fourth = ports.take();

        assertThat(handed).containsExactly(10000, 10001, 10002);
        assertThat(fourth).isNotIn(handed).isPositive();
    }

    @Test
    void waitingForAPortEndsWhenItIsFreeOrAtTheBound() throws IOException {
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = taken.getLocalPort();
        assertThat(FreePorts.awaitFree(port, Duration.ofMillis(300))).isFalse();

        taken.close();
        assertThat(FreePorts.awaitFree(port, Duration.ofSeconds(10))).isTrue();
    }
}
