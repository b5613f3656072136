package com.openfulfil.dropship.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process restarted on its old port, played by a server socket of this JVM on a real port, with
 * another socket as the program that holds the port meanwhile.
 */
class SamePortRestartTest {
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final int port = StackConfig.freePort();

    @AfterEach
    void closeEverything() throws IOException {
        timer.shutdownNow();
        for (ServerSocket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aPortFreeAgainIsUsedAtOnce() {
        Restarted process = new Restarted(0);

        restart(Duration.ofSeconds(5)).restart(process.target());

        assertThat(process.starts).isEqualTo(1);
        assertThat(process.listening()).isTrue();
        assertThat(said).isEmpty();
    }

    @Test
    void aPortStillInUseIsWaitedForThenTheProcessStartsOnIt() {
        ServerSocket other = listen();
        timer.schedule(() -> close(other), 500, TimeUnit.MILLISECONDS);
        Restarted process = new Restarted(0);

        restart(Duration.ofSeconds(20)).restart(process.target());

        assertThat(process.starts).isEqualTo(1);
        assertThat(process.listening()).isTrue();
        assertThat(said).containsExactly("catalog-service's port " + port + " is in use; waiting up to 20 s for it");
    }

    @Test
    void aPortThatStaysInUseEndsTheWaitWithWhatToLookAt() {
        listen();
        Restarted process = new Restarted(0);

        assertThatThrownBy(() -> restart(Duration.ofMillis(600)).restart(process.target()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalog-service cannot start again: its port " + port + " is still in use")
                .hasMessageContaining("ss -tanp 'sport = :" + port + "'");
        assertThat(process.starts).isZero();
    }

    @Test
    void aStartThatFoundThePortTakenIsMadeAgain() {
        Restarted process = new Restarted(1);

        restart(Duration.ofSeconds(5)).restart(process.target());

        assertThat(process.starts).isEqualTo(2);
        assertThat(process.kills).isEqualTo(1);
        assertThat(process.listening()).isTrue();
        assertThat(said).containsExactly("catalog-service found its port " + port + " in use; starting it again (2 of 3)");
    }

    @Test
    void aPortTakenAtEveryStartEndsTheRestartAfterThreeStarts() {
        Restarted process = new Restarted(Integer.MAX_VALUE);

        assertThatThrownBy(() -> restart(Duration.ofSeconds(5)).restart(process.target()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("catalog-service could not start again on its port " + port
                        + ": in use at each of 3 starts");
        assertThat(process.starts).isEqualTo(SamePortRestart.ATTEMPTS).isEqualTo(3);
    }

    @Test
    void aStartThatFailedForAnotherReasonIsNotMadeAgain() {
        Restarted process = new Restarted(0);
        SamePortRestart.Target broken = new SamePortRestart.Target("catalog-service", List.of(port), () -> {
            process.starts++;
            throw new IllegalStateException("catalog-service exited while starting");
        }, () -> false, () -> process.kills++);

        assertThatThrownBy(() -> restart(Duration.ofSeconds(5)).restart(broken))
                .hasMessage("catalog-service exited while starting");
        assertThat(process.starts).isEqualTo(1);
        assertThat(process.kills).isZero();
    }

    private SamePortRestart restart(Duration portWait) {
        return new SamePortRestart(FreePorts::isFree, portWait, said::add);
    }

    private ServerSocket listen() {
        try {
            ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            sockets.add(socket);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The restarted process: it listens on the port, unless another program takes the port just before
     * it, which happens at its first {@code takenStarts} starts.
     */
    private final class Restarted {
        private final int takenStarts;
        private int starts;
        private int kills;
        private boolean portWasTaken;
        private ServerSocket server;

        Restarted(int takenStarts) {
            this.takenStarts = takenStarts;
        }

        SamePortRestart.Target target() {
            return new SamePortRestart.Target("catalog-service", List.of(port), this::start, () -> portWasTaken,
                    () -> kills++);
        }

        private void start() {
            starts++;
            ServerSocket thief = starts <= takenStarts ? listen() : null;
            try {
                server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                sockets.add(server);
                portWasTaken = false;
            } catch (IOException e) {
                portWasTaken = true;
                throw new IllegalStateException("catalog-service exited while starting: port " + port
                        + " was already in use", e);
            } finally {
                if (thief != null) {
                    sockets.remove(thief);
                    close(thief);
                }
            }
        }

        boolean listening() {
            return server != null && server.isBound() && !server.isClosed();
        }
    }
}
