package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.stream.CommissionLedger;
import com.openfulfil.dropship.commission.stream.CommissionTopology;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Partners' commissions wherever they are kept. Each instance holds the commissions of its own
 * partitions (by orderId), so one order is asked of the instance that holds it, and a partner's list
 * or the admin's totals gather every instance's share. A request to another instance carries the
 * caller's own key, which that instance checks as it would its own caller's: passing a request on
 * never lets anyone see more. With one instance everything is local.
 */
@Component
class LedgerReader {
    static final String INTERNAL = "/internal/v1/commissions";
    private static final String STORE = CommissionTopology.COMMISSIONS_STORE;
    private static final TypeReference<List<Commission>> LIST = new TypeReference<>() {
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CommissionLedger local;
    private final InteractiveQueryService queries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    LedgerReader(CommissionLedger local, InteractiveQueryService queries) {
        this.local = local;
        this.queries = queries;
    }

    /** The order's commission if {@code apiKey} may see it: the holder of the order answers. */
    Optional<Commission> forOrder(String orderId, String apiKey) {
        HostInfo owner = ownerOf(orderId);
        if (isLocal(owner)) {
            return local.forOrder(orderId);
        }
        HttpResponse<byte[]> answer = call(owner, INTERNAL + "/orders/" + encode(orderId), apiKey);
        return answer.statusCode() == 404 ? Optional.empty()
                : Optional.of(Json.mapper().readValue(body(owner, answer), Commission.class));
    }

    /** Every commission of one partner, from every instance. */
    List<Commission> forPartner(String partnerId, String apiKey) {
        return gather(() -> local.forPartner(partnerId), INTERNAL + "?partnerId=" + encode(partnerId), apiKey);
    }

    /** Every commission of every partner, from every instance (admin views and payout batches). */
    List<Commission> all(String apiKey) {
        return gather(local::all, INTERNAL, apiKey);
    }

    private List<Commission> gather(Supplier<List<Commission>> mine, String path, String apiKey) {
        List<HostInfo> hosts = queries.getAllHostsInfo(STORE);
        if (hosts.isEmpty()) {
            return mine.get();
        }
        // an order lives on one instance; keyed by orderId in case metadata moved during a rebalance
        Map<String, Commission> byOrder = new LinkedHashMap<>();
        for (HostInfo host : hosts) {
            List<Commission> share = isLocal(host) ? mine.get()
                    : Json.mapper().readValue(body(host, call(host, path, apiKey)), LIST);
            share.forEach(c -> byOrder.putIfAbsent(c.orderId(), c));
        }
        return new ArrayList<>(byOrder.values());
    }

    private HostInfo ownerOf(String orderId) {
        try {
            HostInfo owner = queries.getHostInfo(STORE, orderId, Serdes.String().serializer());
            if (owner == null) {
                throw new StoreUnavailableException(STORE, null);
            }
            return owner;
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException(STORE, e);
        }
    }

    private boolean isLocal(HostInfo host) {
        return host.equals(queries.getCurrentHostInfo());
    }

    private HttpResponse<byte[]> call(HostInfo host, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(TIMEOUT).GET();
        if (apiKey != null) {
            request.header(ApiKeyCheck.HEADER, apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnavailableException(STORE + " on " + host, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(STORE + " on " + host, e);
        }
    }

    /** Another instance that cannot answer (starting, rebalancing, not yet knowing a new key) is a 503 here. */
    private static byte[] body(HostInfo host, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new StoreUnavailableException(STORE + " on " + host + " (it answered " + response.statusCode() + ")",
                    null);
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
