package com.openfulfil.dropship.channel.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One store's stock of one SKU as told to it: the quantity waiting to be pushed, the last one pushed
 * and when. A push goes at most once per debounce period; changes in between are folded into the
 * next push, which carries the latest quantity.
 */
public record StockPush(int wanted, Integer pushed, Instant pushedAt) {

    /** Available to sell on the channel: a delisted product is zero, whatever the suppliers hold. */
    public static int sellable(boolean listed, int available) {
        return listed ? Math.max(0, available) : 0;
    }

    public StockPush want(int quantity) {
        return new StockPush(quantity, pushed, pushedAt);
    }

    /** Whether the channel's quantity is behind ours. */
    public boolean pending() {
        return pushed == null || pushed != wanted;
    }

    /** Whether a pending push may go now. */
    public boolean due(Instant now, Duration debounce) {
        return pending() && (pushedAt == null || !now.isBefore(pushedAt.plus(debounce)));
    }

    public StockPush sent(Instant now) {
        return new StockPush(wanted, wanted, now);
    }
}
