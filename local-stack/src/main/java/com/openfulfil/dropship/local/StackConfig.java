package com.openfulfil.dropship.local;

import com.openfulfil.dropship.local.process.Service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the local stack keeps its data, which ports it uses, how fast the simulated suppliers
 * and carriers are, and extra arguments for every service.
 *
 * @param simulatorDelay time a supplier takes to accept, then to ship, and a carrier between two statuses
 * @param serviceArgs    application arguments (Spring properties) for every service
 * @param jvmArgs        JVM options for every service and the broker, after their own
 * @param httpSuppliers  demo suppliers that take their dispatches over HTTP (from the HTTP supplier
 *                       simulator on {@code httpSupplierPort}) instead of reading their Kafka topic
 * @param opsConsole     whether the ops console runs beside the pipeline (up and demo; not bench or chaos)
 * @param portalSuppliers demo suppliers a person plays in the ops console's supplier portal: the supplier
 *                       simulator leaves their dispatches alone, and the carrier simulator delivers the
 *                       parcels shipped from the portal
 * @param polledCarriers demo carriers that offer only a query API (the carrier simulator's, on
 *                       {@code carrierApiPort}), which tracking-service polls; the others post webhooks
 * @param channels       the demo merchant's Shopify, WooCommerce and Amazon stores (simulated) and
 *                       channel-gateway, which connects them (up, demo and the end-to-end test); null: none
 * @param splitParcelsOneIn the simulated suppliers ship one dispatch in this many (of those with two units or
 *                       more) in two parcels; 0 never
 * @param paymentProviderPort the port of the simulated payment provider order-service pays refunds through
 *                       (up and demo); 0: none, refunds are recorded offline
 */
public record StackConfig(Path dataDir, int brokerPort, int controllerPort, Map<Service, Integer> servicePorts,
                          Duration simulatorDelay, List<String> serviceArgs, List<String> jvmArgs,
                          Set<String> httpSuppliers, int httpSupplierPort, boolean opsConsole,
                          Set<String> portalSuppliers, Set<String> polledCarriers, int carrierApiPort,
                          Channels channels, int splitParcelsOneIn, int paymentProviderPort) {

    /**
     * The simulated sales channels.
     *
     * @param orderEvery      a customer buys at each store this often (zero: only when a test places an order)
     * @param amazonPollEvery how often channel-gateway asks the Amazon seller for its orders
     */
    public record Channels(Duration orderEvery, Duration amazonPollEvery) {
        /**
         * {@code ./dropship up}: an order at each store every minute, and Amazon polled once a minute,
         * which is Amazon's own sustained getOrders rate, so the poller never waits for its rate limiter.
         */
        public static final Channels DEMO = new Channels(Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    public static final Duration DEFAULT_SIMULATOR_DELAY = Duration.ofSeconds(2);
    /** {@code ./dropship up} and {@code demo}: one dispatch in five (of two units or more) ships in two parcels. */
    public static final int DEMO_SPLIT_PARCELS_ONE_IN = 5;

    public StackConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        servicePorts = Map.copyOf(servicePorts);
        serviceArgs = List.copyOf(serviceArgs);
        jvmArgs = List.copyOf(jvmArgs);
        httpSuppliers = Set.copyOf(httpSuppliers);
        portalSuppliers = Set.copyOf(portalSuppliers);
        polledCarriers = Set.copyOf(polledCarriers);
    }

    /**
     * The default ports (README.md, "Project layout"): ops console 8080, order 8081 ... commission 8085, Kafka 9092
     * (controller 9093).
     */
    public static StackConfig defaults(Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(dataDir, 9092, 9093, ports, DEFAULT_SIMULATOR_DELAY, List.of(), List.of(), Set.of(), 0, false,
                Set.of(), Set.of(), 0, null, 0, 0);
    }

    /**
     * Ports free now ({@link #freePort()}), for tests and runs that must not clash with a running stack or
     * with each other.
     */
    public static StackConfig onFreePorts(Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        return new StackConfig(dataDir, freePort(), freePort(), ports, DEFAULT_SIMULATOR_DELAY, List.of(), List.of(),
                Set.of(), 0, false, Set.of(), Set.of(), 0, null, 0, 0);
    }

    public StackConfig withSimulatorDelay(Duration delay) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, delay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, polledCarriers, carrierApiPort, channels,
                splitParcelsOneIn, paymentProviderPort);
    }

    public StackConfig withServiceArgs(List<String> args) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, args, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, polledCarriers, carrierApiPort, channels,
                splitParcelsOneIn, paymentProviderPort);
    }

    public StackConfig withJvmArgs(List<String> args) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, args,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, polledCarriers, carrierApiPort, channels,
                splitParcelsOneIn, paymentProviderPort);
    }

    /** These demo suppliers take their dispatches over HTTP, from a simulator on a port free now. */
    public StackConfig withHttpSuppliers(Set<String> suppliers) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                suppliers, suppliers.isEmpty() ? 0 : freePort(), opsConsole, portalSuppliers, polledCarriers,
                carrierApiPort, channels,
                splitParcelsOneIn, paymentProviderPort);
    }

    /** Runs the ops console too, on its port of {@link #servicePorts}. */
    public StackConfig withOpsConsole() {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, true, portalSuppliers, polledCarriers, carrierApiPort, channels,
                splitParcelsOneIn, paymentProviderPort);
    }

    /**
     * These demo suppliers are answered by a person in the supplier portal (which needs the ops
     * console), not by the supplier simulator.
     */
    public StackConfig withPortalSuppliers(Set<String> suppliers) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, suppliers, polledCarriers, carrierApiPort, channels,
                splitParcelsOneIn, paymentProviderPort);
    }

    /**
     * These demo carriers offer only a query API, from the carrier simulator on a port free now, and
     * tracking-service polls it; the other carriers keep posting webhooks.
     */
    public StackConfig withPolledCarriers(Set<String> carriers) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, carriers,
                carriers.isEmpty() ? 0 : freePort(), channels, splitParcelsOneIn, paymentProviderPort);
    }

    /**
     * The demo merchant's simulated Shopify, WooCommerce and Amazon stores, with channel-gateway on its
     * port of {@link #servicePorts}.
     */
    public StackConfig withChannels(Channels settings) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, polledCarriers, carrierApiPort, settings,
                splitParcelsOneIn, paymentProviderPort);
    }

    /**
     * The simulated suppliers ship one dispatch of {@code oneIn} that holds two units or more in two parcels,
     * the second once the first is delivered (0: every dispatch in one parcel, as the benchmark runs).
     */
    public StackConfig withSplitParcels(int oneIn) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, polledCarriers, carrierApiPort, channels,
                oneIn, paymentProviderPort);
    }

    /** Refunds are paid through a simulated payment provider with Stripe's refund API, on a port free now. */
    public StackConfig withPaymentProvider() {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, serviceArgs, jvmArgs,
                httpSuppliers, httpSupplierPort, opsConsole, portalSuppliers, polledCarriers, carrierApiPort, channels,
                splitParcelsOneIn, freePort());
    }

    /** The simulated sales channels, if the stack has them. */
    public Optional<Channels> channelSettings() {
        return Optional.ofNullable(channels);
    }

    /** The services this stack runs: the pipeline, the ops console and channel-gateway if asked for. */
    public List<Service> services() {
        return Arrays.stream(Service.values()).filter(s -> s.inPipeline() || (s == Service.OPS_CONSOLE && opsConsole)
                || (s == Service.CHANNELS && channels != null)).toList();
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /**
     * A port free now, outside the range outgoing connections take theirs from, and not handed out before
     * in this JVM ({@link FreePorts}): a process killed and started again gets it back.
     */
    public static int freePort() {
        return FreePorts.next();
    }
}
