package com.openfulfil.dropship.local.process;

import com.openfulfil.dropship.events.serde.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One service as its own JVM (so it can be stopped, killed and restarted like a real deployment),
 * in the demo profile, with its state under the data folder and its output in {@code <data>/logs/<service>.log}.
 * A second instance of a service ({@code instance} 2) has its own port, state folder and log
 * ({@code <service>-2}) and the same application id, so the two share the service's partitions.
 */
public final class ServiceProcess {
    /**
     * Sized for a 2-core laptop running five services and a broker side by side. The parallel collector
     * (two threads here) halves the pauses of the serial one, which held every record passing through a
     * process while it ran: p99 placed → dispatched and CPU per order both fell (docs/performance.md).
     */
    static final List<String> JVM_OPTS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseParallelGC",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int instance;
    private final int port;
    private final ManagedProcess process;
    private final Optional<ClassDataArchive> classData;

    public ServiceProcess(Repository repository, Service service, int port, Path dataDir, String bootstrapServers,
                          List<String> extraArgs) {
        this(repository, service, 1, port, dataDir, bootstrapServers, extraArgs, List.of());
    }

    /**
     * @param instance 1 for the service as {@code ./dropship up} runs it, 2 or more for an extra instance
     * @param jvmArgs  JVM options after the usual ones (e.g. a flight recorder for the bench)
     */
    public ServiceProcess(Repository repository, Service service, int instance, int port, Path dataDir,
                          String bootstrapServers, List<String> extraArgs, List<String> jvmArgs) {
        if (instance < 1) {
            throw new IllegalArgumentException("Instances are numbered from 1, not " + instance);
        }
        this.service = service;
        this.instance = instance;
        this.port = port;
        Path data = dataDir.toAbsolutePath();
        String classpath = repository.serviceClasspath(service.module());
        // every instance of a service loads the same classes: they share one archive
        this.classData = ClassDataArchive.of(repository.classDataDir(), service.module(), classpath,
                BrokerProcess.jvmOptions(JVM_OPTS, jvmArgs));
        this.process = new ManagedProcess(name(),
                () -> command(classpath, data, bootstrapServers, extraArgs, List.copyOf(jvmArgs)),
                data.resolve("logs").resolve(name() + ".log"));
    }

    /** Spawns the JVM; {@link #awaitHealthy} says when it is ready. */
    public void start() {
        process.start();
    }

    /** Waits until {@code /actuator/health} answers 200 with status UP; on timeout shows the log's tail. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy()) {
            if (process.diedWithin(Duration.ofMillis(500))) {
                throw new IllegalStateException(name() + " exited while starting\n" + process.logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name() + " was not healthy on " + healthUrl() + " within "
                        + timeout + "\n" + process.logTail());
            }
        }
    }

    public boolean isHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl()))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(Json.mapper().readTree(response.body()).path("status").asString());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM (Spring shuts down gracefully), SIGKILL after 30 s (longer while it records its class-data archive). */
    public void stop() {
        boolean clean = process.stop(classData.map(archive -> archive.stopGrace(STOP_GRACE)).orElse(STOP_GRACE));
        classData.ifPresent(archive -> archive.stopped(clean));
    }

    public void kill() {
        process.kill();
        classData.ifPresent(archive -> archive.stopped(false));
    }

    public Service service() {
        return service;
    }

    public int instance() {
        return instance;
    }

    /** The module name, with {@code -<instance>} for an extra instance: its process, log and state folder name. */
    public String name() {
        return instance == 1 ? service.module() : service.module() + "-" + instance;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    public ManagedProcess process() {
        return process;
    }

    private List<String> command(String classpath, Path data, String bootstrapServers, List<String> extraArgs,
                                 List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(BrokerProcess.javaExecutable());
        classData.ifPresent(archive -> cmd.addAll(archive.jvmOptions(jvmArgs)));
        cmd.addAll(BrokerProcess.jvmOptions(JVM_OPTS, jvmArgs));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(service.mainClass());
        cmd.add("--server.port=" + port);
        cmd.add("--dropship.kafka.bootstrap-servers=" + bootstrapServers);
        cmd.add("--dropship.data-dir=" + data);
        cmd.add("--spring.profiles.active=demo");
        if (instance > 1) {
            // its own RocksDB folder: two instances must never open the same state directory
            cmd.add("--dropship.state-dir=" + data.resolve(name()).resolve("state"));
        }
        cmd.addAll(extraArgs);
        return cmd;
    }
}
