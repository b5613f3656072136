package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.order.connector.RefundRecords;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.Refund;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads orders from the {@code orders} store wherever it lives: each instance holds the orders of
 * its own partitions, so a read for an order another instance owns is asked of that instance, and
 * a list gathers every instance's share. With one instance everything is local.
 */
@Component
class OrderReader implements RefundRecords {
    static final String STORE = "orders";
    static final String INTERNAL_HEADER = "X-Dropship-Internal";
    private static final JsonSerde<OrderRecord> RECORD = JsonSerde.of(OrderRecord.class);

    /** What one instance answers to a list: how many of its orders match, and the newest of them. */
    record Share(int total, List<OrderRecord> newest) {
    }

    private final Instances instances;
    private final InstanceCalls calls;
    private final StoreQueries stores;
    private final String internalSecret;

    OrderReader(Instances instances, InstanceCalls calls, StoreQueries stores, OrderProperties properties) {
        this.instances = instances;
        this.calls = calls;
        this.stores = stores;
        this.internalSecret = properties.internalSecret();
    }

    Optional<OrderRecord> find(String orderId) {
        Optional<HostInfo> owner = internalSecret == null ? Optional.empty() : instances.ownerOf(STORE, orderId);
        return owner.isEmpty() ? findLocal(orderId) : findRemote(owner.get(), orderId);
    }

    @Override
    public Optional<Refund> find(String orderId, String refundId) {
        return find(orderId).flatMap(order -> order.afterSalesOrNone().refund(refundId));
    }

    Optional<OrderRecord> findLocal(String orderId) {
        return stores.<OrderRecord>get(STORE, orderId).filter(OrderRecord::isPlaced);
    }

    /** Every instance's matching orders, newest first: the total, and enough of them for the page asked. */
    Share list(OrderQuery query) {
        Instances.Holders holders = internalSecret == null ? new Instances.Holders(true, List.of())
                : instances.holders(STORE);
        List<Share> shares = new ArrayList<>();
        if (holders.here()) {
            shares.add(listLocal(query));
        }
        for (HostInfo host : holders.others()) {
            shares.add(listRemote(host, query));
        }
        List<OrderRecord> newest = shares.stream().flatMap(s -> s.newest().stream()).sorted(OrderQuery.NEWEST_FIRST)
                .limit(query.limit()).toList();
        return new Share(shares.stream().mapToInt(Share::total).sum(), newest);
    }

    Share listLocal(OrderQuery query) {
        return stores.<OrderRecord, Share>read(STORE, store -> scan(store, query));
    }

    private static Share scan(ReadOnlyKeyValueStore<String, OrderRecord> store, OrderQuery query) {
        List<OrderRecord> matching = new ArrayList<>();
        try (KeyValueIterator<String, OrderRecord> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (query.matches(kv.value)) {
                    matching.add(kv.value);
                }
            });
        }
        return new Share(matching.size(), matching.stream().sorted(OrderQuery.NEWEST_FIRST).limit(query.limit()).toList());
    }

    boolean acceptsInternal(String secret) {
        return internalSecret != null && secret != null && MessageDigest.isEqual(
                internalSecret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] write(OrderRecord record) {
        return RECORD.serialize(STORE, record);
    }

    private Optional<OrderRecord> findRemote(HostInfo owner, String orderId) {
        InstanceCalls.Answer answer = call(owner, "/internal/v1/orders/" + encode(orderId));
        return answer.status() == 404 ? Optional.empty()
                : Optional.of(RECORD.deserialize(STORE, answer.ok(STORE, owner)));
    }

    private Share listRemote(HostInfo host, OrderQuery query) {
        String statuses = query.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        InstanceCalls.Answer answer = call(host, "/internal/v1/orders?ownerKind=" + query.ownerKind()
                + "&ownerId=" + encode(query.ownerId()) + "&status=" + statuses + "&limit=" + query.limit());
        return Json.mapper().readValue(answer.ok(STORE, host), new TypeReference<Share>() {
        });
    }

    private InstanceCalls.Answer call(HostInfo host, String path) {
        return calls.get(host, path, Map.of(INTERNAL_HEADER, internalSecret));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
