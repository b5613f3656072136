package com.openfulfil.dropship.local;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Starting a killed process again on the ports it had, as a supervisor does: the rest of the stack
 * knows it there. The stack's ports lie outside the range outgoing connections take theirs from
 * ({@link FreePorts}), so they are free again as soon as the old process is gone. Should one still be
 * taken (another program on the machine took it meanwhile), the restart waits for it, up to
 * {@link #PORT_WAIT}, and when a start fails because a port was taken after all, it starts the process
 * again, {@link #ATTEMPTS} times at most; then it gives up, naming the port.
 */
final class SamePortRestart {
    static final int ATTEMPTS = 3;
    static final Duration PORT_WAIT = Duration.ofSeconds(30);

    /**
     * A process to start again.
     *
     * @param name          how messages name it, e.g. {@code catalog-service}
     * @param startAndAwait starts it and waits until it is ready; throws when it does not get there
     * @param portWasTaken  whether the latest start failed because one of its ports was in use
     * @param kill          ends whatever is left of a failed start
     */
    record Target(String name, List<Integer> ports, Runnable startAndAwait, BooleanSupplier portWasTaken,
                  Runnable kill) {
        Target {
            ports = List.copyOf(ports);
        }
    }

    private final IntPredicate free;
    private final Duration portWait;
    private final Consumer<String> say;

    /**
     * @param free     whether a port can be listened on now
     * @param portWait how long to wait for a taken port before each start
     * @param say      hears about a taken port and each new start
     */
    SamePortRestart(IntPredicate free, Duration portWait, Consumer<String> say) {
        this.free = free;
        this.portWait = portWait;
        this.say = say;
    }

    /** Starts {@code target} on its ports and returns once it is ready. */
    void restart(Target target) {
        for (int attempt = 1; ; attempt++) {
            awaitPorts(target);
            try {
                target.startAndAwait().run();
                return;
            } catch (RuntimeException e) {
                if (!target.portWasTaken().getAsBoolean()) {
                    throw e;
                }
                target.kill().run();
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(target.name() + " could not start again on its " + ports(target)
                            + ": in use at each of " + ATTEMPTS + " starts, though free just"
                            + " before each; another program on this machine keeps taking it", e);
                }
                say.accept(target.name() + " found its " + ports(target) + " in use; starting it again ("
                        + (attempt + 1) + " of " + ATTEMPTS + ")");
            }
        }
    }

    private void awaitPorts(Target target) {
        for (int port : target.ports()) {
            if (free.test(port)) {
                continue;
            }
            say.accept(target.name() + "'s port " + port + " is in use; waiting up to " + portWait.toSeconds()
                    + " s for it");
            if (!FreePorts.awaitFree(port, portWait, free)) {
                throw new IllegalStateException(target.name() + " cannot start again: its port " + port + " is still"
                        + " in use after " + portWait.toSeconds() + " s, by a program or connection on this machine"
                        + " that is not the stack's (ss -tanp 'sport = :" + port + "' shows which)");
            }
        }
    }

    private static String ports(Target target) {
        List<String> ports = target.ports().stream().map(String::valueOf).toList();
        return ports.size() == 1 ? "port " + ports.get(0) : "ports " + String.join(", ", ports);
    }
}
