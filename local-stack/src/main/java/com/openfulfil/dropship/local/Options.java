package com.openfulfil.dropship.local;

import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ./dropship}: a command and its options.
 *
 * @param portalSupplier the demo supplier a person plays in the supplier portal, {@code none}, or null
 *                       for the command's own choice (up: {@link DemoKeys#PORTAL_SUPPLIER}; demo: none, so
 *                       every demo order is answered by the simulators)
 */
record Options(String command, Path dataDir, boolean fresh, int orders, Duration simulatorDelay,
               String portalSupplier) {
    static final int DEFAULT_ORDERS = 300;
    static final String NONE = "none";

    static Options parse(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        Path dataDir = Path.of("data");
        boolean fresh = false;
        int orders = DEFAULT_ORDERS;
        Duration delay = StackConfig.DEFAULT_SIMULATOR_DELAY;
        String portalSupplier = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--fresh" -> fresh = true;
                case "--orders" -> orders = positive(value(args, ++i, arg), arg);
                case "--sim-delay-ms" -> delay = Duration.ofMillis(positive(value(args, ++i, arg), arg));
                case "--portal-supplier" -> portalSupplier = supplier(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option " + arg + " (see ./dropship help)");
            }
        }
        return new Options(command, dataDir, fresh, orders, delay, portalSupplier);
    }

    /** The demo suppliers whose dispatches wait for a person in the supplier portal. */
    Set<String> portalSuppliers() {
        if (portalSupplier == null) {
            return command.equals("up") ? Set.of(DemoKeys.PORTAL_SUPPLIER) : Set.of();
        }
        return portalSupplier.equals(NONE) ? Set.of() : Set.of(portalSupplier);
    }

    private static String supplier(String value) {
        if (value.equals(NONE) || DemoCatalog.SUPPLIERS.contains(value)) {
            return value;
        }
        throw new IllegalArgumentException("--portal-supplier takes one of " + String.join(", ", DemoCatalog.SUPPLIERS)
                + " or " + NONE + ", not " + value);
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
