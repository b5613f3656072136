package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.HostInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list read from every instance: each holds the share of a store that its partitions hold, so a
 * list (a search, ops' claims) is this instance's share and every other's, each asked with the
 * caller's own request ({@link InstanceCalls#passOn}). An instance asked by another answers with its
 * own share only.
 */
public final class AllInstances {
    private final Instances instances;
    private final InstanceCalls calls;

    public AllInstances(Instances instances, InstanceCalls calls) {
        this.instances = instances;
        this.calls = calls;
    }

    /**
     * @param mine this instance's share, read first (a store still restoring answers 503 before anyone is asked)
     * @param read another instance's answer to the same request, read as its share
     * @throws StoreUnavailableException while an instance cannot be named or does not answer
     */
    public <T> List<T> gather(String store, HttpServletRequest request, Supplier<T> mine, Function<byte[], T> read) {
        if (InstanceCalls.isPassedOn(request)) {
            return List.of(mine.get());
        }
        Instances.Holders holders = instances.holders(store);
        List<T> shares = new ArrayList<>();
        if (holders.here()) {
            shares.add(mine.get());
        }
        for (HostInfo other : holders.others()) {
            shares.add(read.apply(calls.passOn(other, request).ok(store, other)));
        }
        return shares;
    }
}
