package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.stream.CommissionLedger;
import com.openfulfil.dropship.commission.stream.CommissionTopology;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private final CommissionLedger local;
    private final Instances instances;
    private final InstanceCalls calls;

    LedgerReader(CommissionLedger local, Instances instances, InstanceCalls calls) {
        this.local = local;
        this.instances = instances;
        this.calls = calls;
    }

    /** The order's commission if {@code apiKey} may see it: the holder of the order answers. */
    Optional<Commission> forOrder(String orderId, String apiKey) {
        Optional<HostInfo> owner = instances.ownerOf(STORE, orderId);
        if (owner.isEmpty()) {
            return local.forOrder(orderId);
        }
        InstanceCalls.Answer answer = call(owner.get(), INTERNAL + "/orders/" + encode(orderId), apiKey);
        return answer.status() == 404 ? Optional.empty()
                : Optional.of(Json.mapper().readValue(answer.ok(STORE, owner.get()), Commission.class));
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
        // an order lives on one instance; keyed by orderId in case metadata moved during a rebalance
        Map<String, Commission> byOrder = new LinkedHashMap<>();
        Instances.Holders holders = instances.holders(STORE);
        if (holders.here()) {
            mine.get().forEach(c -> byOrder.putIfAbsent(c.orderId(), c));
        }
        for (HostInfo host : holders.others()) {
            Json.mapper().readValue(call(host, path, apiKey).ok(STORE, host), LIST)
                    .forEach(c -> byOrder.putIfAbsent(c.orderId(), c));
        }
        return new ArrayList<>(byOrder.values());
    }

    /** Another instance that cannot answer (starting, rebalancing, not yet knowing a new key) is a 503 here. */
    private InstanceCalls.Answer call(HostInfo host, String path, String apiKey) {
        return calls.get(host, path, apiKey == null ? Map.of() : Map.of(ApiKeyCheck.HEADER, apiKey));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
