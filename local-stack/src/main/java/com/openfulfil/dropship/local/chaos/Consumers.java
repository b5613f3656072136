package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.process.Service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which service reads which topic (each service's input bindings and global tables, as
 * docs/architecture.md draws them). Written out here rather than read from the services, so a
 * service that stops consuming a topic, or loses the dead-letter topic of one, shows up as a
 * poison message that never reaches the DLQ the suite expects.
 */
final class Consumers {
    private static final Map<Service, List<String>> TOPICS_BY_SERVICE = topicsByService();

    private Consumers() {
    }

    /** Every consumed topic with the consumer groups (service names) that read it, sorted by topic. */
    static Map<String, List<String>> groupsByTopic() {
        Map<String, List<String>> groups = new TreeMap<>();
        TOPICS_BY_SERVICE.forEach((service, topics) -> topics.forEach(
                topic -> groups.computeIfAbsent(topic, t -> new ArrayList<>()).add(service.module())));
        groups.replaceAll((topic, list) -> List.copyOf(list));
        return groups;
    }

    private static Map<Service, List<String>> topicsByService() {
        Map<Service, List<String>> map = new EnumMap<>(Service.class);
        map.put(Service.CATALOG, names(Topics.CATALOG_FEED.name(), Topics.ORDERS_PLACED.name(),
                Topics.RESERVATION_REQUESTS.name(), Topics.RESERVATION_RESULTS.name(), Topics.FULFILMENT_EVENTS.name(),
                Topics.ORDERS_LIFECYCLE.name()));
        // catalog.products and partners are global tables of order-service, storefronts.webhooks the registry
        // of its storefront webhooks; they have dead letters too. (Its webhook deliveries read orders.lifecycle
        // only for a storefront that registered a webhook, which the suite does not.)
        map.put(Service.ORDER, names(Topics.ORDERS_PLACED.name(), Topics.ORDER_ALLOCATIONS.name(),
                Topics.FULFILMENT_EVENTS.name(), Topics.TRACKING_EVENTS.name(), Topics.ORDER_COMMANDS.name(),
                Topics.COMMISSIONS_LEDGER.name(), Topics.CATALOG_PRODUCTS.name(), Topics.PARTNERS.name(),
                Topics.STOREFRONT_WEBHOOKS.name()));
        // orders.lifecycle: a cancellation after dispatch is asked of the suppliers; fulfilment.commands: ops' reroutes
        List<String> gateway = new ArrayList<>(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name(),
                Topics.FULFILMENT_COMMANDS.name()));
        DemoCatalog.SUPPLIERS.forEach(id -> gateway.add(Topics.supplierUpdates(id).name()));
        map.put(Service.GATEWAY, List.copyOf(gateway));
        map.put(Service.TRACKING, names(Topics.FULFILMENT_EVENTS.name(), Topics.TRACKING_REGISTRATIONS.name(),
                Topics.CARRIER_EVENTS.name(), Topics.ORDERS_LIFECYCLE.name(), Topics.TRACKING_EVENTS.name(),
                Topics.NOTIFICATIONS_OUTBOUND.name()));
        map.put(Service.COMMISSION, names(Topics.ORDERS_LIFECYCLE.name(), Topics.PARTNERS.name(),
                Topics.PAYOUT_REQUESTS.name(), Topics.PAYOUT_DETAILS.name()));
        return map;
    }

    private static List<String> names(String... topics) {
        return List.of(topics);
    }
}
