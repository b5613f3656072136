package com.openfulfil.dropship.support.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * Several instances of one service, demo profile, on a broker of their own, each on a free port with
 * its own state folder, started and waited for until every one's streams are running: the set-up of
 * the tests that check any instance answers for data another holds. A test class registers it
 * ({@code @RegisterExtension static final ServiceInstances instances = ServiceInstances.of(...)}):
 * the instances start before its tests and stop after them.
 */
public final class ServiceInstances implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final Duration START = Duration.ofMinutes(2);

    private final Class<?> application;
    private final int count;
    private final IntFunction<List<String>> extraArgs;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private PrivateBroker broker;

    private ServiceInstances(Class<?> application, int count, IntFunction<List<String>> extraArgs) {
        this.application = application;
        this.count = count;
        this.extraArgs = extraArgs;
    }

    /**
     * @param extraArgs each instance's own arguments, given its port (its advertised address, say)
     */
    public static ServiceInstances of(Class<?> application, int count, IntFunction<List<String>> extraArgs) {
        return new ServiceInstances(application, count, extraArgs);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startAll() {
        broker = PrivateBroker.start();
        try {
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")),
                    application.getSimpleName() + "-");
            for (int i = 0; i < count; i++) {
                int port = freePort();
                List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                        "--dropship.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--dropship.state-dir=" + data.resolve("instance-" + i).toAbsolutePath(),
                        "--dropship.streams.commit-interval-ms=50"));
                args.addAll(extraArgs.apply(port));
                ports.add(port);
                contexts.add(new SpringApplicationBuilder(application).profiles("demo").run(args.toArray(String[]::new)));
            }
            await().atMost(START).until(() -> contexts.stream().allMatch(c ->
                    c.getBean("streams", HealthIndicator.class).health().getStatus().equals(Status.UP)));
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    public ConfigurableApplicationContext instance(int i) {
        return contexts.get(i);
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
