package com.openfulfil.dropship.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The command line of {@code ./dropship}: a command and its options. */
record Options(String command, Path dataDir, boolean fresh, int orders, Duration simulatorDelay) {
    static final int DEFAULT_ORDERS = 300;

    static Options parse(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        Path dataDir = Path.of("data");
        boolean fresh = false;
        int orders = DEFAULT_ORDERS;
        Duration delay = StackConfig.DEFAULT_SIMULATOR_DELAY;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--fresh" -> fresh = true;
                case "--orders" -> orders = positive(value(args, ++i, arg), arg);
                case "--sim-delay-ms" -> delay = Duration.ofMillis(positive(value(args, ++i, arg), arg));
                default -> throw new IllegalArgumentException("Unknown option " + arg + " (see ./dropship help)");
            }
        }
        return new Options(command, dataDir, fresh, orders, delay);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
    }
}
