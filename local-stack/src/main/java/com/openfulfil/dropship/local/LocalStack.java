package com.openfulfil.dropship.local;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.BrokerProcess;
import com.openfulfil.dropship.local.process.Repository;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import com.openfulfil.dropship.local.sim.CarrierQueryApi;
import com.openfulfil.dropship.local.sim.CarrierSimulator;
import com.openfulfil.dropship.local.sim.ChannelStores;
import com.openfulfil.dropship.local.sim.HttpSupplierSimulator;
import com.openfulfil.dropship.local.sim.PortalParcels;
import com.openfulfil.dropship.local.sim.PaymentProviderSimulator;
import com.openfulfil.dropship.local.sim.SmsProviderSimulator;
import com.openfulfil.dropship.local.sim.SupplierSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole pipeline on one machine: the broker, the five services (and, when asked, the ops
 * console, and channel-gateway with the demo merchant's simulated Shopify, WooCommerce and Amazon
 * stores) as their own processes, and the supplier and carrier simulators (with the query API of
 * the carriers tracking-service polls) in this JVM. Stopping goes the other way round, so each
 * service can still reach the broker while it shuts down.
 */
public final class LocalStack implements AutoCloseable {
    /**
     * The topics' partitions on a fresh local stack. It runs one instance of each service, which more
     * partitions would not spread; each partition costs a transaction marker and an offset per commit,
     * and splits an order's products over tasks that must ask each other for stock (measured in
     * docs/performance.md, "Partitions"). Deployments of several instances keep the registry's count.
     */
    public static final int LOCAL_PARTITIONS = 1;
    static final String PARTITIONS_ARG = "--dropship.topics.partitions=";
    /** Settings as JSON, above every configuration file (Spring Boot's {@code spring.application.json}). */
    static final String SPRING_JSON_ARG = "--spring.application.json=";
    static final Duration BROKER_TIMEOUT = Duration.ofSeconds(90);
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
    static final String DATA_MARKER = ".dropship-data";
    /** How long supplier-gateway waits for an HTTP supplier's answer before it counts as failed. */
    static final Duration HTTP_SUPPLIER_TIMEOUT = Duration.ofSeconds(2);
    /** How often tracking-service asks the carriers with only a query API about their parcels on the way. */
    static final Duration CARRIER_POLL_INTERVAL = Duration.ofSeconds(1);

    private final StackConfig config;
    private final BrokerProcess broker;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extraInstances = new CopyOnWriteArrayList<>();
    private final Repository repository;
    private CarrierSimulator carrierSimulator;
    private CarrierQueryApi carrierQueryApi;
    private SupplierSimulator supplierSimulator;
    private HttpSupplierSimulator httpSupplierSimulator;
    private PortalParcels portalParcels;
    /** The text-message provider, with the ops console (up and demo): bench and chaos runs send no text messages. */
    private final SmsProviderSimulator smsProvider;
    /** The payment provider order-service pays refunds through (up and demo); without it refunds are recorded offline. */
    private final PaymentProviderSimulator paymentProvider;
    /** The simulated stores of the sales channels, listening from the start: channel-gateway is given their addresses. */
    private final ChannelStores channelStores;
    private volatile boolean stopping;
    private final int partitions;
    /** Hears what happens after the start too (a restart that finds its port in use). */
    private volatile Consumer<String> say = line -> { };

    public LocalStack(Repository repository, StackConfig config) {
        this.config = config;
        this.repository = repository;
        this.partitions = partitions(config);
        this.broker = new BrokerProcess(repository, config.dataDir(), config.brokerPort(), config.controllerPort(),
                config.jvmArgs());
        this.smsProvider = config.opsConsole() ? new SmsProviderSimulator(config.dataDir().resolve("mailbox")) : null;
        this.paymentProvider = config.paymentProviderPort() == 0 ? null
                : new PaymentProviderSimulator(config.paymentProviderPort(), config.dataDir().resolve("payments/refunds"));
        this.channelStores = config.channelSettings().map(settings -> new ChannelStores()).orElse(null);
        for (Service service : config.services()) {
            services.put(service, new ServiceProcess(repository, service, 1, config.port(service), config.dataDir(),
                    broker.bootstrapServers(), argsOf(service), config.jvmArgs()));
        }
    }

    /** Starts everything and returns once every service is healthy; {@code say} hears about each step. */
    public void start(Consumer<String> say) {
        this.say = say;
        checkPortsFree();
        markDataDir();
        say.accept("Starting the Kafka broker on " + broker.bootstrapServers() + " ...");
        unlessStopped(() -> broker.start(BROKER_TIMEOUT));
        createSupplierTopics();
        // before tracking-service: its first polls must not find the carriers' query API missing
        unlessStopped(this::startCarrierQueryApi);
        if (smsProvider != null) {
            unlessStopped(smsProvider::start);
        }
        if (paymentProvider != null) {
            unlessStopped(paymentProvider::start);
        }
        say.accept("Starting " + services.size() + " services (this takes a minute on a laptop) ...");
        unlessStopped(() -> services.values().forEach(ServiceProcess::start));
        awaitHealthy(say);
        watchForExits(say);
        unlessStopped(this::startSimulators);
        say.accept("Supplier and carrier simulators running.");
        config.channelSettings().ifPresent(settings -> unlessStopped(() -> {
            channelStores.start(URI.create(service(Service.ORDER).baseUrl()), URI.create(service(Service.CHANNELS)
                    .baseUrl()), settings.orderEvery(), say);
            say.accept("Shopify, WooCommerce and Amazon store simulators running; what channel-gateway tells them"
                    + " follows.");
        }));
    }

    /**
     * Runs a start step under the same lock as {@link #stop}: a Ctrl-C during start-up either
     * waits for the step and then stops what it started, or makes the step refuse to run, so no
     * process is left behind.
     */
    private synchronized void unlessStopped(Runnable step) {
        if (stopping) {
            throw new IllegalStateException("Stopped while starting");
        }
        step.run();
    }

    /** Simulators, then services (in parallel), then the broker. Safe to call more than once. */
    public synchronized void stop() {
        stopping = true;
        if (channelStores != null) {
            channelStores.close();
        }
        if (supplierSimulator != null) {
            supplierSimulator.close();
        }
        if (httpSupplierSimulator != null) {
            httpSupplierSimulator.close();
        }
        if (portalParcels != null) {
            portalParcels.close();
        }
        if (carrierSimulator != null) {
            carrierSimulator.close();
        }
        if (carrierQueryApi != null) {
            carrierQueryApi.close();
        }
        if (smsProvider != null) {
            smsProvider.close();
        }
        if (paymentProvider != null) {
            paymentProvider.close();
        }
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.addAll(extraInstances);
        inParallel(all.stream().map(s -> (Runnable) s::stop).toList());
        broker.stop();
    }

    /**
     * Starts a service again after a stop or a kill (its state folder is kept), on its port, and waits until it
     * is healthy; a port still in use is waited for and a start that finds it taken is made again, within
     * bounds ({@link SamePortRestart}).
     */
    public void restart(Service service) {
        ServiceProcess process = services.get(service);
        List<Integer> ports = List.of(process.port());
        samePorts().restart(new SamePortRestart.Target(process.name(), ports, () -> {
            unlessStopped(process::start);
            process.awaitHealthy(SERVICE_TIMEOUT);
        }, () -> process.process().saidPortTaken(ports), process::kill));
    }

    /**
     * Starts the broker again after a stop or a kill (its log is kept), on its ports, and waits until it
     * answers; a port still in use is dealt with as for a service ({@link #restart(Service)}).
     */
    public void restartBroker() {
        List<Integer> ports = List.of(config.brokerPort(), config.controllerPort());
        samePorts().restart(new SamePortRestart.Target("the Kafka broker", ports,
                () -> unlessStopped(() -> broker.start(BROKER_TIMEOUT)),
                () -> broker.process().saidPortTaken(ports), broker::kill));
    }

    private SamePortRestart samePorts() {
        return new SamePortRestart(FreePorts::isFree, SamePortRestart.PORT_WAIT, say);
    }

    /**
     * Starts one more instance of {@code service} on a free port, with its own state folder and log
     * and the same application id, so it takes a share of the service's partitions; returns once it
     * is healthy. {@link #stop} stops it with the rest.
     */
    public ServiceProcess startExtraInstance(Service service) {
        int instance = 2 + (int) extraInstances.stream().filter(p -> p.service() == service).count();
        ServiceProcess extra = new ServiceProcess(repository, service, instance, StackConfig.freePort(),
                config.dataDir(), broker.bootstrapServers(), argsOf(service), config.jvmArgs());
        extraInstances.add(extra);
        unlessStopped(extra::start);
        extra.awaitHealthy(SERVICE_TIMEOUT);
        return extra;
    }

    @Override
    public void close() {
        stop();
    }

    public StackConfig config() {
        return config;
    }

    public BrokerProcess broker() {
        return broker;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    private void checkPortsFree() {
        List<Integer> ports = new ArrayList<>(config.services().stream().map(config::port).toList());
        ports.add(config.brokerPort());
        ports.add(config.controllerPort());
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use: is another ./dropship (or a service) "
                        + "already running?");
            }
        }
    }

    /** Marks the folder as ours, so that --fresh only ever wipes a folder this tool created. */
    private void markDataDir() {
        try {
            Files.createDirectories(config.logDir());
            Path marker = config.dataDir().resolve(DATA_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of ./dropship (broker log, service state, logs).\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write to the data folder " + config.dataDir(), e);
        }
    }

    /** The demo suppliers' topics, so the simulator can answer before supplier-gateway has created them. */
    private void createSupplierTopics() {
        List<TopicSpec> topics = DemoCatalog.SUPPLIERS.stream()
                .flatMap(id -> Stream.of(Topics.supplierDispatch(id), Topics.supplierUpdates(id))).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            SupplierSimulator.createTopics(admin, topics, partitions);
        }
    }

    /**
     * How many partitions the stack's topics have: what the services are told
     * ({@code --dropship.topics.partitions}), else what a data folder from an earlier run already
     * has (its topics keep their count), else {@link #LOCAL_PARTITIONS}.
     */
    static int partitions(StackConfig config) {
        for (String arg : config.serviceArgs()) {
            if (arg.startsWith(PARTITIONS_ARG)) {
                return Integer.parseInt(arg.substring(PARTITIONS_ARG.length()).strip());
            }
        }
        Path brokerLog = config.dataDir().resolve("kafka");
        String prefix = Topics.ORDERS_LIFECYCLE.name() + "-";
        if (Files.isDirectory(brokerLog)) {
            try (Stream<Path> folders = Files.list(brokerLog)) {
                long existing = folders.map(f -> f.getFileName().toString())
                        .filter(name -> name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+"))
                        .count();
                if (existing > 0) {
                    return (int) existing;
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the broker's folder " + brokerLog, e);
            }
        }
        return LOCAL_PARTITIONS;
    }

    /** How many partitions the stack's topics have ({@link #partitions(StackConfig)}). */
    public int partitions() {
        return partitions;
    }

    private void awaitHealthy(Consumer<String> say) {
        inParallel(services.values().stream().map(s -> (Runnable) () -> {
            s.awaitHealthy(SERVICE_TIMEOUT);
            say.accept("  " + s.service().module() + " is up on " + s.baseUrl());
        }).toList());
    }

    /** Runs the tasks on a thread each (they mostly wait on processes) and rethrows the first failure. */
    private static void inParallel(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CompletableFuture.allOf(tasks.stream().map(t -> CompletableFuture.runAsync(t, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pool.shutdown();
        }
    }

    private void watchForExits(Consumer<String> say) {
        services.values().forEach(s -> s.process().onExit().thenRun(() -> {
            if (!stopping) {
                say.accept("!! " + s.service().module() + " exited; see " + s.process().logFile());
            }
        }));
    }

    private void startSimulators() {
        carrierSimulator = new CarrierSimulator(new CarrierSimulator.Settings(
                URI.create(service(Service.TRACKING).baseUrl()), DemoKeys.CARRIER_SECRET, config.simulatorDelay(),
                Duration.ofMillis(250), Duration.ofSeconds(5), 40), carrierQueryApi);
        startSupplierSimulator();
        startHttpSupplierSimulator();
        if (!config.portalSuppliers().isEmpty()) {
            portalParcels = new PortalParcels(bootstrapServers(), config.portalSuppliers(), carrierSimulator);
            portalParcels.start();
        }
    }

    private void startCarrierQueryApi() {
        if (config.polledCarriers().isEmpty()) {
            return;
        }
        carrierQueryApi = new CarrierQueryApi(config.carrierApiPort(), config.polledCarriers(),
                CarrierQueryApi.DEMO_API_KEY);
        carrierQueryApi.start();
    }

    /** The query API of the carriers tracking-service polls, if the stack has any. */
    public synchronized Optional<CarrierQueryApi> carrierQueryApi() {
        return Optional.ofNullable(carrierQueryApi);
    }

    /** Plays the Kafka suppliers: not those over HTTP (their own simulator) nor those a person plays in the portal. */
    private void startSupplierSimulator() {
        Set<String> notHere = new HashSet<>(config.httpSuppliers());
        notHere.addAll(config.portalSuppliers());
        supplierSimulator = new SupplierSimulator(bootstrapServers(), supplierSettings(), carrierSimulator, notHere);
        supplierSimulator.start();
    }

    private SupplierSimulator.Settings supplierSettings() {
        return new SupplierSimulator.Settings(config.simulatorDelay(), config.simulatorDelay(), config.splitParcelsOneIn());
    }

    private void startHttpSupplierSimulator() {
        if (config.httpSuppliers().isEmpty()) {
            return;
        }
        httpSupplierSimulator = new HttpSupplierSimulator(config.httpSupplierPort(),
                URI.create(service(Service.GATEWAY).baseUrl()), DemoKeys::supplierSecret, supplierSettings(),
                carrierSimulator);
        httpSupplierSimulator.start();
    }

    /** The demo merchant's simulated Shopify, WooCommerce and Amazon stores, if the stack has them. */
    public Optional<ChannelStores> channelStores() {
        return Optional.ofNullable(channelStores);
    }

    /** The simulator of the suppliers that take dispatches over HTTP, if the stack has any. */
    public synchronized Optional<HttpSupplierSimulator> httpSuppliers() {
        return Optional.ofNullable(httpSupplierSimulator);
    }

    /** What a service is started with: the stack's arguments, and for supplier-gateway its HTTP suppliers. */
    private List<String> argsOf(Service service) {
        List<String> args = new ArrayList<>(config.serviceArgs());
        if (args.stream().noneMatch(arg -> arg.startsWith(PARTITIONS_ARG))) {
            args.add(PARTITIONS_ARG + partitions);
        }
        if (service == Service.GATEWAY && !config.httpSuppliers().isEmpty()) {
            args.addAll(httpSupplierArgs(config.httpSuppliers(), config.httpSupplierPort()));
        }
        if (service == Service.ORDER && paymentProvider != null) {
            args.addAll(paymentProvider.serviceArgs());
        }
        if (service == Service.TRACKING) {
            args.addAll(pollingArgs(config.polledCarriers(), config.carrierApiPort()));
            if (smsProvider != null) {
                args.addAll(smsProvider.serviceArgs());
            }
        }
        if (service == Service.OPS_CONSOLE) {
            for (Service s : Service.pipeline()) {
                args.add("--dropship.ops.services." + s.module() + "=http://127.0.0.1:" + config.port(s));
            }
            if (channelStores != null) {
                args.add("--dropship.ops.services." + Service.CHANNELS.module() + "=http://127.0.0.1:"
                        + config.port(Service.CHANNELS));
            }
        }
        if (service == Service.CHANNELS) {
            args.addAll(channelStores.gatewayArgs("http://127.0.0.1:" + config.port(Service.TRACKING)
                    + "/track/{trackingNumber}", config.channels().amazonPollEvery()));
        }
        return args;
    }

    /**
     * supplier-gateway's whole supplier list (a list is bound from one source, so every demo supplier
     * is given with everything its demo profile says: the country it ships from and its returns), the
     * HTTP ones with the simulator's address and a short timeout. It goes as one JSON argument
     * ({@code spring.application.json}, which outranks the profile) with every character beyond ASCII
     * escaped: a process's arguments pass through the launcher's locale, and in a C locale "Charité"
     * would arrive as "Charit?". Ops' key, which re-sends parked dispatches, is in supplier-gateway's
     * demo profile (as its SHA-256).
     */
    static List<String> httpSupplierArgs(Set<String> overHttp, int port) {
        List<Map<String, Object>> suppliers = new ArrayList<>();
        for (String id : DemoCatalog.SUPPLIERS) {
            boolean http = overHttp.contains(id);
            Map<String, Object> supplier = new LinkedHashMap<>();
            supplier.put("id", id);
            supplier.put("name", DemoCatalog.supplierName(id));
            supplier.put("transport", http ? "http" : "kafka");
            supplier.put("secret", DemoKeys.supplierSecret(id));
            DemoCatalog.supplier(id).ifPresent(demo -> supplier.putAll(shipsFromAndReturns(demo)));
            if (http) {
                supplier.put("http", Map.of("base-url", HttpSupplierSimulator.baseUrl(port, id).toString(),
                        "timeout", HTTP_SUPPLIER_TIMEOUT.toMillis() + "ms"));
            }
            suppliers.add(supplier);
        }
        return List.of(SPRING_JSON_ARG + asciiJson(Map.of("dropship", Map.of("gateway", Map.of("suppliers", suppliers)))));
    }

    /** A demo supplier's country and returns (name, address, shipping per currency), as far as it has them. */
    private static Map<String, Object> shipsFromAndReturns(DemoCatalog.Supplier supplier) {
        Map<String, Object> settings = new LinkedHashMap<>();
        putIfSet(settings, "country", supplier.country());
        Map<String, Object> returns = new LinkedHashMap<>();
        putIfSet(returns, "name", supplier.returnsName());
        Address address = supplier.returnsAddress();
        if (address != null) {
            Map<String, Object> at = new LinkedHashMap<>();
            putIfSet(at, "line1", address.line1());
            putIfSet(at, "line2", address.line2());
            putIfSet(at, "city", address.city());
            putIfSet(at, "region", address.region());
            putIfSet(at, "postal-code", address.postalCode());
            putIfSet(at, "country", address.country());
            returns.put("address", at);
        }
        if (!supplier.returnShipping().isEmpty()) {
            Map<String, Object> shipping = new LinkedHashMap<>();
            supplier.returnShipping().forEach((currency, cost) -> shipping.put(currency, cost.toPlainString()));
            returns.put("shipping", shipping);
        }
        if (!returns.isEmpty()) {
            settings.put("returns", returns);
        }
        return settings;
    }

    private static void putIfSet(Map<String, Object> settings, String name, String value) {
        if (value != null && !value.isBlank()) {
            settings.put(name, value);
        }
    }

    /**
     * JSON with every character beyond ASCII written as its escape, a backslash, "u" and four hex digits
     * (such characters only occur inside strings).
     */
    static String asciiJson(Object value) {
        String json = Json.mapper().writeValueAsString(value);
        StringBuilder ascii = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            if (c < 0x80) {
                ascii.append(c);
            } else {
                ascii.append(String.format("\\u%04x", (int) c));
            }
        }
        return ascii.toString();
    }

    /** tracking-service's polling connector, one entry per carrier that offers only the simulator's query API. */
    static List<String> pollingArgs(Set<String> carriers, int port) {
        List<String> args = new ArrayList<>();
        List<String> sorted = carriers.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            String prefix = "--dropship.tracking.polling[" + i + "].";
            args.add(prefix + "carrier=" + sorted.get(i));
            args.add(prefix + "url=" + CarrierQueryApi.url(port, sorted.get(i)));
            args.add(prefix + "api-key=" + CarrierQueryApi.DEMO_API_KEY);
            args.add(prefix + "interval=" + CARRIER_POLL_INTERVAL.toMillis() + "ms");
        }
        return args;
    }

    /** Whether the supplier simulator is reading dispatches (false before the start and after the stop). */
    public synchronized boolean isSupplierSimulatorRunning() {
        return supplierSimulator != null && supplierSimulator.isRunning();
    }

    /**
     * Replaces the supplier simulator, as a supplier's own supervisor would after a crash: the new
     * one resumes from the committed offsets, so dispatches not finished are read and answered
     * again (with the same event ids). The carrier simulator keeps the parcels it has.
     */
    public synchronized void restartSupplierSimulator() {
        if (stopping || carrierSimulator == null) {
            return;
        }
        if (supplierSimulator != null) {
            supplierSimulator.close();
        }
        startSupplierSimulator();
    }
}
