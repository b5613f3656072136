package com.openfulfil.dropship.local;

import com.openfulfil.dropship.local.bench.BenchCommand;
import com.openfulfil.dropship.local.chaos.ChaosCommand;
import com.openfulfil.dropship.local.demo.DemoDriver;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.DemoReport;
import com.openfulfil.dropship.local.demo.OrderApi;
import com.openfulfil.dropship.local.demo.OrderWatcher;
import com.openfulfil.dropship.local.demo.Progress;
import com.openfulfil.dropship.local.process.Repository;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.sim.Carriers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code ./dropship}: the one command that runs the whole pipeline on this machine. */
public final class Dropship {
    private static final PrintStream OUT = System.out;
    private static final String USAGE = """
            Usage: ./dropship <command> [options]

            Commands:
              up      start the Kafka broker, the five services, the ops console, channel-gateway, the
                      supplier and carrier simulators and a simulated Shopify store, WooCommerce site and
                      Amazon seller (a customer buys at each every minute; what channel-gateway tells
                      them is printed) (demo profile: demo catalog, keys and partner); print the URLs
                      and demo keys; stay in the foreground until Ctrl-C, then stop everything cleanly
              demo    as up, then drive sample orders through the public API with a progress bar,
                      confirm or complete each as it is delivered, print a summary, and stay up
              bench   measure the pipeline on a fresh stack at its shipped settings, on a catalog of
                      10,000 products: the maximum sustained completed orders/s, latency at 25/50/75 % of
                      it, cost as state grows, three kafka-clients relays as the physical limit, records
                      per order on every topic, CPU and memory per process, an exactly-once check; writes
                      a JSON, Markdown and SVG report
                      (./dropship bench --help; --quick for a run of a few minutes)
              chaos   the fault suite on a fresh stack: kill -9 of each service and of the broker, a
                      rebalance, poison messages on every consumed topic, under a steady load; then
                      checks that nothing was lost or doubled (./dropship chaos --help; --short)
              test    the whole test suite (./mvnw -B verify, options passed on); first installs what it
                      needs beyond JDK 17 (chromium, chromium-driver, docker-compose, kubectl) with apt
                      when run as root, else names the packages and exits 1
              help    show this text

            Options of up and demo:
              --data-dir <dir>       where the broker, the services' state and the logs live (default ./data);
                                     running up again on the same folder keeps every order
              --fresh                wipe the data folder first
              --orders <n>           demo: how many orders to place (default 300)
              --sim-delay-ms <ms>    how long simulated suppliers and carriers take per step (default 2000)
              --portal-supplier <id> the demo supplier whose dispatches wait for you in the supplier portal
                                     (http://localhost:8080/supplier) instead of the simulator: shenzhen-gadgets,
                                     hanoi-crafts, lyon-linen or none (default: lyon-linen with up, none with
                                     demo, so that every demo order is answered)
            """;

    private Dropship() {
    }

    public static void main(String[] args) {
        List<String> all = Arrays.asList(args);
        if (!all.isEmpty() && (all.get(0).equals("bench") || all.get(0).equals("chaos"))) {
            List<String> rest = all.subList(1, all.size());
            int exit = all.get(0).equals("bench") ? BenchCommand.run(rest, OUT) : ChaosCommand.run(rest, OUT);
            OUT.flush();
            System.exit(exit);
            return;
        }
        Options options;
        try {
            options = Options.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        switch (options.command()) {
            case "up" -> run(options, false);
            case "demo" -> run(options, true);
            case "help", "--help", "-h" -> OUT.print(USAGE);
            default -> {
                System.err.println("Unknown command " + options.command() + "\n\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void run(Options options, boolean demo) {
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        // before any logger exists: the launcher's own log goes next to the services' logs
        System.setProperty("dropship.log-dir", dataDir.resolve("logs").toString());
        LocalStack stack;
        try {
            if (options.fresh()) {
                wipe(dataDir);
            }
            stack = new LocalStack(Repository.locate(),
                    StackConfig.defaults(dataDir).withSimulatorDelay(options.simulatorDelay()).withOpsConsole()
                            .withPortalSuppliers(options.portalSuppliers()).withPolledCarriers(Carriers.POLLED)
                            .withChannels(StackConfig.Channels.DEMO)
                            .withSplitParcels(StackConfig.DEMO_SPLIT_PARCELS_ONE_IN).withPaymentProvider());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping simulators, services, then the broker ...");
            stack.stop();
            OUT.println("Stopped. Data kept in " + dataDir);
        }, "dropship-stop"));
        try {
            stack.start(OUT::println);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        OUT.print(Banner.of(stack));
        if (demo) {
            runDemo(stack, options.orders());
        }
        OUT.println("Press Ctrl-C to stop.");
        waitForever();
    }

    private static void runDemo(LocalStack stack, int orders) {
        OUT.println("\nPlacing " + orders + " demo orders ...");
        OrderWatcher watcher = new OrderWatcher(stack.bootstrapServers()).start(Duration.ofSeconds(60));
        DemoDriver driver = new DemoDriver(new OrderApi(stack.service(Service.ORDER).baseUrl()), watcher,
                DemoDriver.Settings.defaults());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        DemoReport report = driver.run(DemoOrders.plan(runId, orders), Progress.bar(OUT));
        OUT.print(report.render());
        watcher.close();
    }

    /** Deletes the data folder, but only one this tool made (it holds the marker file) or an empty one. */
    static void wipe(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            boolean empty = entries.findAny().isEmpty();
            if (!empty && !Files.exists(dataDir.resolve(LocalStack.DATA_MARKER))) {
                throw new IllegalStateException(dataDir + " was not created by ./dropship (no "
                        + LocalStack.DATA_MARKER + " file); not wiping it");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + dataDir, e);
        }
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot wipe " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void fail(RuntimeException e) {
        System.err.println("\n./dropship could not start: " + e.getMessage());
        // the shutdown hook (if registered) stops whatever did start
        System.exit(1);
    }

    private static void waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
