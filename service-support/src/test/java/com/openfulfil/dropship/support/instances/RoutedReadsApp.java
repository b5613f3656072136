package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A minimal service that routes its reads as the real ones do: the latest event of each order in a
 * store, one order's read by the instance holding it ({@link OwnerRouting}), the list of orders
 * gathered from every instance ({@link AllInstances}).
 */
@SpringBootApplication
public class RoutedReadsApp {
    static final String STORE = "latest";

    @Bean
    ServiceTopics routedReadsTopics() {
        return new ServiceTopics("routed-reads", List.of(), List.of(Topics.ORDERS_PLACED.name()));
    }

    @Bean
    Consumer<KStream<String, Event>> latest() {
        return events -> events.toTable(Materialized.<String, Event, KeyValueStore<Bytes, byte[]>>as(STORE));
    }

    @Bean
    OwnerRouting ordersRouting(Instances instances, InstanceCalls calls) {
        return new OwnerRouting(instances, calls, List.of(OwnerRouting.Route.get("/orders/([^/]+)", STORE)));
    }

    @RestController
    static class Orders {
        private static final TypeReference<List<String>> IDS = new TypeReference<>() {
        };
        private final StoreQueries stores;
        private final AllInstances all;

        Orders(StoreQueries stores, AllInstances all) {
            this.stores = stores;
            this.all = all;
        }

        @GetMapping("/orders/{orderId}")
        String one(@PathVariable String orderId) {
            return stores.<Event>get(STORE, orderId).map(e -> e.getClass().getSimpleName())
                    .orElseThrow(() -> ApiProblem.notFound("No order " + orderId));
        }

        @GetMapping("/orders")
        List<String> list(HttpServletRequest request) {
            return all.gather(STORE, request, this::mine, body -> JsonMapper.shared().readValue(body, IDS)).stream()
                    .flatMap(Collection::stream).sorted().toList();
        }

        private List<String> mine() {
            return stores.<Event, List<String>>read(STORE, store -> {
                List<String> ids = new ArrayList<>();
                try (KeyValueIterator<String, Event> entries = store.all()) {
                    entries.forEachRemaining(entry -> ids.add(entry.key));
                }
                return ids;
            });
        }
    }
}
