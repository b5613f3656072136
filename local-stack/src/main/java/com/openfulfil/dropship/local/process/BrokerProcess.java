package com.openfulfil.dropship.local.process;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The Kafka broker that production runs ({@code kafka.Kafka}), as a child JVM: KRaft combined
 * mode, one node on 127.0.0.1, its log in {@code <data>/kafka}. The storage is formatted once;
 * later starts reuse it, so every record survives a stop or a kill.
 */
public final class BrokerProcess {
    private static final List<String> JVM_OPTS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");
    /** An option that chooses the garbage collector ({@code -XX:+UseSerialGC}, {@code -XX:+UseParallelGC}, ...). */
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Repository repository;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmArgs;
    private final ManagedProcess process;
    /** Made at the first start, when the build's classpath is known to be there. */
    private Optional<ClassDataArchive> classData = Optional.empty();

    public BrokerProcess(Repository repository, Path dataDir, int port, int controllerPort) {
        this(repository, dataDir, port, controllerPort, List.of());
    }

    /** @param jvmArgs JVM options for the broker after its usual ones (not for the storage format) */
    public BrokerProcess(Repository repository, Path dataDir, int port, int controllerPort, List<String> jvmArgs) {
        this.repository = repository;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = new ManagedProcess("kafka",
                () -> command(withClassData(this.jvmArgs), "kafka.Kafka", configFile().toString()),
                this.dataDir.resolve("logs/kafka.log"));
    }

    /** The broker's own options and its class-data archive (not for the one-off storage format). */
    private synchronized List<String> withClassData(List<String> options) {
        if (classData.isEmpty()) {
            classData = ClassDataArchive.of(repository.classDataDir(), "kafka", repository.runtimeClasspath("local-stack"),
                    jvmOptions(JVM_OPTS, options));
        }
        List<String> all = new ArrayList<>(classData.map(archive -> archive.jvmOptions(options)).orElse(List.of()));
        all.addAll(options);
        return all;
    }

    /** Starts the broker (formatting the storage on first use) and waits until it answers. */
    public void start(Duration timeout) {
        writeConfig();
        if (!Files.isRegularFile(logDir().resolve("meta.properties"))) {
            process.runToCompletion(command(List.of(), "kafka.tools.StorageTool", "format", "-t",
                    Uuid.randomUuid().toString(), "-c", configFile().toString(), "--ignore-formatted"), FORMAT_TIMEOUT);
        }
        process.start();
        awaitReady(timeout);
    }

    /** SIGTERM (the broker shuts down cleanly), SIGKILL if it takes longer than 30 s (longer while recording classes). */
    public void stop() {
        boolean clean = process.stop(stopGrace());
        classDataStopped(clean);
    }

    /** SIGKILL, as a crash or power cut would. */
    public void kill() {
        process.kill();
        classDataStopped(false);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private synchronized Duration stopGrace() {
        return classData.map(archive -> archive.stopGrace(STOP_GRACE)).orElse(STOP_GRACE);
    }

    private synchronized void classDataStopped(boolean clean) {
        classData.ifPresent(archive -> archive.stopped(clean));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                if (answers(admin)) {
                    return;
                }
                if (process.diedWithin(Duration.ofMillis(200))) {
                    throw new IllegalStateException("The Kafka broker exited while starting\n" + process.logTail());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The Kafka broker did not answer on " + bootstrapServers()
                            + " within " + timeout + "\n" + process.logTail());
                }
            }
        }
    }

    private static boolean answers(Admin admin) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
            return false;
        }
    }

    private List<String> command(List<String> extraJvmArgs, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions(JVM_OPTS, extraJvmArgs));
        cmd.add("-Dlogback.configurationFile=" + logbackFile());
        cmd.add("-cp");
        cmd.add(repository.runtimeClasspath("local-stack"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A process's JVM options, in the order they are given: its {@code usual} ones, the stack's, then
     * {@code extra}. When the stack's or the extra ones choose a garbage collector, the usual one is left
     * out (a JVM refuses to start with two).
     */
    static List<String> jvmOptions(List<String> usual, List<String> extra) {
        List<String> added = new ArrayList<>(stackJvmOptions());
        added.addAll(extra);
        boolean collectorChosen = added.stream().anyMatch(BrokerProcess::choosesCollector);
        List<String> options = new ArrayList<>(usual.stream()
                .filter(option -> !(collectorChosen && choosesCollector(option))).toList());
        options.addAll(added);
        return options;
    }

    private static boolean choosesCollector(String option) {
        return COLLECTOR.matcher(option).matches();
    }

    /**
     * JVM options added to every process of the stack, from the system property
     * {@code dropship.stack.jvm-options} (space-separated): the test suites start their short-lived
     * stacks with the client compiler only, which halves the CPU a start takes on two cores.
     */
    private static List<String> stackJvmOptions() {
        String options = System.getProperty("dropship.stack.jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private Path logDir() {
        return dataDir.resolve("kafka");
    }

    private Path configFile() {
        return dataDir.resolve("config/server.properties");
    }

    private Path logbackFile() {
        return dataDir.resolve("config/broker-logback.xml");
    }

    /** Written at every start so a changed port takes effect; the storage itself is untouched. */
    private void writeConfig() {
        try {
            Files.createDirectories(configFile().getParent());
            Files.createDirectories(logDir());
            Files.writeString(configFile(), serverProperties());
            try (InputStream logback = BrokerProcess.class.getResourceAsStream("/broker-logback.xml")) {
                Files.write(logbackFile(), logback.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the broker configuration", e);
        }
    }

    String serverProperties() {
        return String.join("\n",
                "# Written by ./dropship at each start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir(),
                // a one-node cluster: exactly-once clients time out on InitProducerId without these
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // fewer internal partitions: quicker first start and fewer open files on a laptop
                "offsets.topic.num.partitions=10",
                "transaction.state.log.num.partitions=10",
                "group.initial.rebalance.delay.ms=0",
                // killed and started again, the broker cannot register with its controller until the dead
                // registration's lease runs out (9 s by default): a shorter lease brings a restart back sooner
                "broker.session.timeout.ms=4000",
                "broker.heartbeat.interval.ms=1000",
                // a dead instance's open transaction blocks read_committed readers until the broker aborts it
                // (the producer's transaction timeout after it began); look for such transactions every second
                // instead of every 10 s, so a failover waits for the timeout and hardly more
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                // topics come from the registry; a typo must fail instead of creating a topic
                "auto.create.topics.enable=false",
                "");
    }
}
