package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoisonMessagesTest {
    private final List<Poison> poison = PoisonMessages.forRun("t1");

    @Test
    void everyConsumedTopicGetsBadJsonAnUnknownTypeAndAnImpossibleValue() {
        Map<String, List<Poison.Kind>> kindsByTopic = poison.stream().collect(Collectors.groupingBy(Poison::topic,
                Collectors.mapping(Poison::kind, Collectors.toList())));

        assertThat(kindsByTopic.keySet()).containsExactlyInAnyOrderElementsOf(Consumers.groupsByTopic().keySet())
                .contains("orders.placed", "catalog.products", "partners", "supplier.hanoi-crafts.updates");
        assertThat(kindsByTopic.values()).allSatisfy(kinds -> assertThat(kinds)
                .containsExactlyInAnyOrder(Poison.Kind.values()));
    }

    @Test
    void theServicesSerdeRefusesEveryPoisonMessage() {
        EventSerde serde = new EventSerde();
        for (Poison p : poison) {
            assertThatThrownBy(() -> serde.deserialize(p.topic(), p.value())).as("%s on %s", p.what(), p.topic())
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void anImpossibleMessageIsWellFormedJsonOfATypeItsTopicCarries() {
        for (Poison p : poison.stream().filter(p -> p.kind() == Poison.Kind.IMPOSSIBLE).toList()) {
            String type = Json.mapper().readTree(p.value()).path("type").asString();
            Optional<Class<? extends Event>> eventType = Json.eventTypes().stream()
                    .filter(t -> t.getSimpleName().equals(type)).findFirst();

            assertThat(eventType).as("type %s of %s", type, p.topic()).isPresent();
            assertThat(spec(p.topic()).valueType()).as("%s carries %s", p.topic(), type)
                    .isAssignableFrom(eventType.get());
        }
    }

    @Test
    void theOrderPlacedPoisonHasANegativeQuantity() {
        Poison placed = poison.stream().filter(p -> p.topic().equals("orders.placed")
                && p.kind() == Poison.Kind.IMPOSSIBLE).findFirst().orElseThrow();

        assertThat(Json.mapper().readTree(placed.value()).path("order").path("lines").get(0).path("quantity").asInt())
                .isEqualTo(-2);
        assertThatThrownBy(() -> new EventSerde().deserialize("orders.placed", placed.value()))
                .hasMessageContaining("quantity must be at least 1");
    }

    @Test
    void anUnknownTypeIsNoTypeOfTheContract() {
        for (Poison p : poison.stream().filter(p -> p.kind() == Poison.Kind.UNKNOWN_TYPE).toList()) {
            String type = Json.mapper().readTree(p.value()).path("type").asString();
            assertThat(Json.eventTypes()).noneMatch(t -> t.getSimpleName().equals(type));
        }
    }

    @Test
    void idsAndKeysAreUniqueAndEachPoisonNamesTheGroupsThatReadItsTopic() {
        assertThat(poison).extracting(Poison::id).doesNotHaveDuplicates();
        assertThat(poison).extracting(Poison::key).doesNotHaveDuplicates().allMatch(k -> k.startsWith("chaos-poison-"));
        assertThat(poison).filteredOn(p -> p.topic().equals("fulfilment.events")).allSatisfy(p ->
                assertThat(p.groups()).containsExactlyInAnyOrder("catalog-service", "order-service", "tracking-service"));
        assertThat(poison).filteredOn(p -> p.topic().equals("partners")).allSatisfy(p ->
                assertThat(p.groups()).containsExactlyInAnyOrder("order-service", "commission-service"));
        assertThat(poison).filteredOn(p -> p.topic().equals("orders.lifecycle")).allSatisfy(p ->
                assertThat(p.groups()).containsExactlyInAnyOrder("catalog-service", "supplier-gateway", "tracking-service",
                        "commission-service"));
        assertThat(poison).filteredOn(p -> p.topic().equals("storefronts.webhooks")).allSatisfy(p ->
                assertThat(p.groups()).containsExactly("order-service"));
    }

    private static TopicSpec spec(String topic) {
        if (Topics.SUPPLIER_UPDATES.matcher(topic).matches()) {
            return Topics.supplierUpdates(topic.split("\\.")[1]);
        }
        return Topics.byName(topic).orElseThrow();
    }
}
