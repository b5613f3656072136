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
        List<T> shares = new ArrayList<>();
        shares.add(mine.get());
        if (InstanceCalls.isPassedOn(request)) {
            return shares;
        }
        for (HostInfo other : instances.others(store)) {
            shares.add(read.apply(calls.passOn(other, request).ok(store, other)));
        }
        return shares;
    }
}
