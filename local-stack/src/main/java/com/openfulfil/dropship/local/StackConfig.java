package com.openfulfil.dropship.local;

import com.openfulfil.dropship.local.process.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data, which ports it uses, how fast the simulated suppliers
 * and carriers are, and extra arguments for every service.
 *
 * @param simulatorDelay time a supplier takes to accept, then to ship, and a carrier between two statuses
 */
public record StackConfig(Path dataDir, int brokerPort, int controllerPort, Map<Service, Integer> servicePorts,
                          Duration simulatorDelay, List<String> serviceArgs) {

    public static final Duration DEFAULT_SIMULATOR_DELAY = Duration.ofSeconds(2);

    public StackConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        servicePorts = Map.copyOf(servicePorts);
        serviceArgs = List.copyOf(serviceArgs);
    }

    /** The ports of API.md: order 8081 ... commission 8085, Kafka 9092 (controller 9093). */
    public static StackConfig defaults(Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(dataDir, 9092, 9093, ports, DEFAULT_SIMULATOR_DELAY, List.of());
    }

    /** Ports the OS says are free now, for tests that must not clash with a running stack. */
    public static StackConfig onFreePorts(Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        return new StackConfig(dataDir, freePort(), freePort(), ports, DEFAULT_SIMULATOR_DELAY, List.of());
    }

    public StackConfig withSimulatorDelay(Duration delay) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, delay, serviceArgs);
    }

    public StackConfig withServiceArgs(List<String> args) {
        return new StackConfig(dataDir, brokerPort, controllerPort, servicePorts, simulatorDelay, args);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
