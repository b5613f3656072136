package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.domain.OutboundCall;

/** One store's API: makes one call once, no retries (those are {@link GuardedStore}'s). */
interface ChannelClient {
    /**
     * @throws ChannelUnavailableException the store could not take it now
     * @throws ChannelRefusedException     the store will not take it
     */
    void send(OutboundCall call);
}
