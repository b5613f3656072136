package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.support.streams.DeadLetters;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one {@link DispatchForwarder} per HTTP supplier, each on its own thread with its own
 * consumer (group {@code <service>-http}) and its own resilience4j instances named
 * {@code supplier-<id>} (base configuration {@code supplier}).
 */
public final class HttpConnectors implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HttpConnectors.class);
    static final String BASE_CONFIG = "supplier";

    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;

    /** @param security the cluster's security settings ({@code DropshipProperties.Kafka#security()}) */
    public HttpConnectors(GatewayProperties properties, String bootstrapServers, Map<String, Object> security,
                          String service, CircuitBreakerRegistry breakers, RetryRegistry retries, RateLimiterRegistry rateLimiters,
                          BulkheadRegistry bulkheads) {
        String group = service + "-http";
        for (GatewayProperties.Supplier s : properties.httpSuppliers()) {
            String name = "supplier-" + s.id();
            GuardedSupplier guarded = new GuardedSupplier(new SupplierHttpClient(s), retries.retry(name, BASE_CONFIG),
                    breakers.circuitBreaker(name, BASE_CONFIG), rateLimiters.rateLimiter(name, BASE_CONFIG),
                    bulkheads.bulkhead(name, BASE_CONFIG));
            int lanes = bulkheads.bulkhead(name, BASE_CONFIG).getBulkheadConfig().getMaxConcurrentCalls();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, lanes), r -> new Thread(r, name + "-call"));
            DispatchForwarder forwarder = new DispatchForwarder(s.id(), service, guarded,
                    DeadLetters.forBroker(bootstrapServers, security), pool);
            workers.add(new Worker(forwarder, consumer(bootstrapServers, security, group, s.id()), pool));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, Map<String, Object> security,
                                                          String group, String supplierId) {
        return new KafkaConsumer<>(consumerConfig(bootstrapServers, security, group, supplierId),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The cluster's security settings, then the connector's own settings over them. */
    static Map<String, Object> consumerConfig(String bootstrapServers, Map<String, Object> security, String group,
                                              String supplierId) {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + supplierId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // only what the gateway's own transactions committed
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // retries with backoff may keep one batch busy for minutes
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50));
        return config;
    }

    @Override
    public void start() {
        running = true;
        workers.forEach(Worker::start);
    }

    @Override
    public void stop() {
        running = false;
        workers.forEach(Worker::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Worker {
        private final DispatchForwarder forwarder;
        private final KafkaConsumer<String, byte[]> consumer;
        private final ExecutorService pool;
        private final Thread thread;

        Worker(DispatchForwarder forwarder, KafkaConsumer<String, byte[]> consumer, ExecutorService pool) {
            this.forwarder = forwarder;
            this.consumer = consumer;
            this.pool = pool;
            this.thread = new Thread(this::run, "http-connector-" + forwarder.topic());
        }

        void start() {
            thread.start();
        }

        void stop() {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.shutdownNow();
        }

        private void run() {
            consumer.subscribe(List.of(forwarder.topic()));
            try {
                while (running) {
                    pollOrRewind();
                }
            } catch (WakeupException e) {
                // stopping
            } finally {
                consumer.close();
            }
        }

        /** A batch that failed half-way (the dead-letter topic unreachable, say) is read again from its start. */
        private void pollOrRewind() {
            try {
                forwarder.pollOnce(consumer);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("HTTP connector for {} failed a batch; reading it again", forwarder.topic(), e);
                consumer.committed(consumer.assignment()).forEach((partition, offset) ->
                        consumer.seek(partition, offset == null ? 0 : offset.offset()));
            }
        }
    }
}
