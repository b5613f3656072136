package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.events.serde.JsonSerde;

/** The channels' changes to their orders ({@code channels-in-1}, {@code channels.inbound}), as JSON. */
public class InboundChangeSerde extends JsonSerde<InboundChange> {
    public InboundChangeSerde() {
        super(InboundChange.class);
    }
}
