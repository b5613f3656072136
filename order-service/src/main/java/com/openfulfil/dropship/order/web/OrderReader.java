package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads orders from the {@code orders} store wherever it lives: each instance holds the orders of
 * its own partitions, so a read for an order another instance owns is asked of that instance, and
 * a list gathers every instance's share. With one instance everything is local.
 */
@Component
class OrderReader {
    static final String STORE = "orders";
    static final String INTERNAL_HEADER = "X-Dropship-Internal";
    private static final JsonSerde<OrderRecord> RECORD = JsonSerde.of(OrderRecord.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What one instance answers to a list: how many of its orders match, and the newest of them. */
    record Share(int total, List<OrderRecord> newest) {
    }

    private final InteractiveQueryService queries;
    private final StoreQueries stores;
    private final String internalSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    OrderReader(InteractiveQueryService queries, StoreQueries stores, OrderProperties properties) {
        this.queries = queries;
        this.stores = stores;
        this.internalSecret = properties.internalSecret();
    }

    Optional<OrderRecord> find(String orderId) {
        HostInfo owner = ownerOf(orderId);
        return owner == null || isLocal(owner) ? findLocal(orderId) : findRemote(owner, orderId);
    }

    Optional<OrderRecord> findLocal(String orderId) {
        return stores.<OrderRecord>get(STORE, orderId).filter(OrderRecord::isPlaced);
    }

    /** Every instance's matching orders, newest first: the total, and enough of them for the page asked. */
    Share list(OrderQuery query) {
        List<Share> shares = new ArrayList<>();
        List<HostInfo> hosts = internalSecret == null ? List.of() : queries.getAllHostsInfo(STORE);
        if (hosts.isEmpty() || hosts.stream().noneMatch(this::isLocal)) {
            shares.add(listLocal(query));
        }
        for (HostInfo host : hosts) {
            shares.add(isLocal(host) ? listLocal(query) : listRemote(host, query));
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

    private HostInfo ownerOf(String orderId) {
        if (internalSecret == null) {
            return null;
        }
        try {
            return queries.getHostInfo(STORE, orderId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException(STORE, e);
        }
    }

    private boolean isLocal(HostInfo host) {
        return host.equals(queries.getCurrentHostInfo());
    }

    private Optional<OrderRecord> findRemote(HostInfo owner, String orderId) {
        HttpResponse<byte[]> response = call(owner, "/internal/v1/orders/" + encode(orderId));
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(RECORD.deserialize(STORE, body(response)));
    }

    private Share listRemote(HostInfo host, OrderQuery query) {
        String statuses = query.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        HttpResponse<byte[]> response = call(host, "/internal/v1/orders?ownerKind=" + query.ownerKind()
                + "&ownerId=" + encode(query.ownerId()) + "&status=" + statuses + "&limit=" + query.limit());
        return Json.mapper().readValue(body(response), new TypeReference<Share>() {
        });
    }

    private HttpResponse<byte[]> call(HostInfo host, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .header(INTERNAL_HEADER, internalSecret).timeout(TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnavailableException(STORE + " on " + host, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(STORE + " on " + host, e);
        }
    }

    private static byte[] body(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new StoreUnavailableException(STORE + " (the owning instance answered " + response.statusCode() + ")",
                    null);
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
