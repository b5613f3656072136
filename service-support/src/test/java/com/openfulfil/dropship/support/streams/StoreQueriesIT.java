package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A store is looked up once and its handle kept: later reads go through it and see what was written
 * since. When the service's streams stop, a read is refused as unavailable (503 at the HTTP edge), never
 * answered from a closed store, and the handle is dropped.
 */
@SpringBootTest(classes = StreamsTestApp.class, properties = {
        "spring.application.name=watching-it",
        "spring.cloud.function.definition=watching",
        "spring.cloud.stream.bindings.watching-in-0.destination=supplier.watching-it.dispatch",
        "spring.cloud.stream.bindings.watching-in-1.destination=supplier.watching-it.updates",
        "spring.cloud.stream.kafka.streams.bindings.watching-in-1.consumer.materializedAs=" + StoreQueriesIT.STORE,
        "spring.cloud.stream.kafka.streams.binder.functions.watching.application-id=store-queries-it"})
class StoreQueriesIT extends KafkaIntegrationTest {
    static final String STORE = "watched";

    private final EventSerde serde = new EventSerde();

    @Autowired
    StoreQueries queries;

    @Autowired
    KafkaStreamsRegistry streams;

    @Test
    void aStoreHandleIsKeptForLaterReadsAndDroppedOnceItsStreamsStop() {
        write("first");
        await().atMost(Duration.ofSeconds(60)).ignoreException(StoreUnavailableException.class)
                .until(() -> queries.<Event>get(STORE, "first").isPresent());
        ReadOnlyKeyValueStore<String, Event> kept = queries.store(STORE);
        assertThat(queries.<Event>store(STORE)).as("looked up once, then kept").isSameAs(kept);

        write("second");
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.<Event>get(STORE, "second").isPresent());
        assertThat(queries.<Event>store(STORE)).as("the kept handle reads what came later").isSameAs(kept);

        streams.streamsBuilderFactoryBeans().iterator().next().stop();

        assertThatThrownBy(() -> queries.get(STORE, "first")).isInstanceOf(StoreUnavailableException.class);
        assertThat(queries.isQueryable(STORE)).isFalse();
    }

    private void write(String key) {
        TopicReader.writeRaw(EmbeddedBroker.bootstrapServers(), StreamsTestApp.WATCHED_TABLE.name(), key,
                serde.serialize("t", OrderFixtures.anOrder().withOrderId(key).build()));
    }
}
