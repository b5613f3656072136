package com.openfulfil.dropship.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Ports for a stack that runs beside others (the test suites, bench and chaos runs): its broker,
 * services and simulators. A port the kernel picks for "any free port" lies in its ephemeral range,
 * which every outgoing TCP connection on the machine takes its local port from too, and Kafka clients
 * open many; a service killed and started again on its old port could find it held by one of them
 * (or by a client's connection to itself, which Linux allows inside that range). So these ports come
 * from outside the range: the kernel's own ({@value #EPHEMERAL_RANGE_FILE}), else 32768-65535 (Linux's
 * default and the IANA dynamic ports together), and from {@value #LOWEST} up, since well-known services
 * and the stack's default ports (8080-8086, 9092, 9093) lie below. Each one is bound once to be sure
 * it is free now, and one JVM never hands out the same port twice. Each JVM starts at a random place
 * among them, so two runs side by side rarely reach for the same ports. Only when none is left (a
 * kernel whose ephemeral range covers them all) is the port the kernel's choice.
 */
public final class FreePorts {
    static final String EPHEMERAL_RANGE_FILE = "/proc/sys/net/ipv4/ip_local_port_range";
    static final Range DEFAULT_EPHEMERAL = new Range(32768, 65535);
    static final int LOWEST = 10_000;
    static final int HIGHEST = 65_535;
    private static final Duration PROBE_PAUSE = Duration.ofMillis(250);
    private static final FreePorts SHARED = new FreePorts(ephemeralRange(Path.of(EPHEMERAL_RANGE_FILE)),
            FreePorts::isFree, ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));

    /** A range of ports, both ends included. */
    public record Range(int first, int last) {
        public Range {
            if (first < 0 || last > HIGHEST || first > last) {
                throw new IllegalArgumentException("Not a port range: " + first + "-" + last);
            }
        }

        public boolean contains(int port) {
            return port >= first && port <= last;
        }

        /** The kernel's notation, two numbers separated by white space ({@code 32768	60999}); empty when it is not that. */
        static Optional<Range> parse(String text) {
            String[] ends = text.strip().split("\\s+");
            try {
                return ends.length == 2 ? Optional.of(new Range(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])))
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    private final Range ephemeral;
    private final int[] candidates;
    private final IntPredicate free;
    private final Set<Integer> handedOut = new HashSet<>();
    private int cursor;

    /**
     * @param ephemeral the range outgoing connections take their local ports from
     * @param free      whether a port can be listened on now
     * @param start     where among the candidates to begin (any number: it is taken modulo their count)
     */
    FreePorts(Range ephemeral, IntPredicate free, int start) {
        this.ephemeral = ephemeral;
        this.free = free;
        this.candidates = IntStream.rangeClosed(LOWEST, HIGHEST).filter(port -> !ephemeral.contains(port)).toArray();
        this.cursor = candidates.length == 0 ? 0 : Math.floorMod(start, candidates.length);
    }

    /** A port outside the ephemeral range that is free now and that this JVM has not handed out before. */
    public static int next() {
        return SHARED.take();
    }

    /** The range outgoing connections on this machine take their local ports from, as this JVM read it. */
    public static Range ephemeral() {
        return SHARED.ephemeral;
    }

    synchronized int take() {
        for (int tried = 0; tried < candidates.length; tried++) {
            int port = candidates[cursor];
            cursor = (cursor + 1) % candidates.length;
            if (!handedOut.contains(port) && free.test(port)) {
                handedOut.add(port);
                return port;
            }
        }
        // nothing free outside the ephemeral range: the kernel's choice, still never one handed out already
        while (true) {
            int port = kernelsChoice();
            if (handedOut.add(port)) {
                return port;
            }
        }
    }

    /** The kernel's ephemeral port range from {@code file}, or {@link #DEFAULT_EPHEMERAL} when it cannot be read. */
    static Range ephemeralRange(Path file) {
        try {
            return Files.isReadable(file) ? Range.parse(Files.readString(file)).orElse(DEFAULT_EPHEMERAL)
                    : DEFAULT_EPHEMERAL;
        } catch (IOException e) {
            return DEFAULT_EPHEMERAL;
        }
    }

    /**
     * Whether a server could listen on {@code port} (on every address) now. The socket is made as the
     * services' and the broker's are (address reuse on), so a port that only has connections of a
     * stopped process winding down counts as free, while one held by a live connection or listener
     * does not.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code timeout} until {@code port} is free; whether it is. */
    public static boolean awaitFree(int port, Duration timeout) {
        return awaitFree(port, timeout, FreePorts::isFree);
    }

    static boolean awaitFree(int port, Duration timeout, IntPredicate free) {
        return Waits.until(() -> free.test(port), timeout, PROBE_PAUSE).isPresent();
    }

    private static int kernelsChoice() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
