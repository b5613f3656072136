package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's products as channel intake prices them: every partition of the compacted
 * {@code catalog.products} read from its start and followed, on a thread of its own. Until it has
 * read up to where the topic stood when it started it is not {@link #ready}, and intake answers 503 so
 * the channel sends the order again.
 */
public final class Catalog extends ConsumerThread<Event> {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    private final Map<String, ProductUpdated> products = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public Catalog(String bootstrapServers, Map<String, Object> security) {
        super(new KafkaConsumer<>(config(bootstrapServers, security), new StringDeserializer(), new EventSerde()),
                "channel-catalog");
    }

    private static Map<String, Object> config(String bootstrapServers, Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return config;
    }

    public Optional<ProductUpdated> product(String sku) {
        return Optional.ofNullable(products.get(sku));
    }

    public boolean ready() {
        return ready;
    }

    @Override
    protected void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOG_PRODUCTS.name(), Duration.ofMinutes(1))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startedAt = consumer.endOffsets(partitions);
            while (running()) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() instanceof ProductUpdated product) {
                        products.put(product.sku(), product);
                    } else if (r.value() == null && r.key() != null) {
                        products.remove(r.key());
                    }
                });
                ready = ready || startedAt.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("The catalog could not be read: channel orders wait until a restart", e);
        }
    }
}
