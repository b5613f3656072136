package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;

/**
 * What the channel stream reads from the pipeline ({@code channels-in-0}): orders placed and moved,
 * their addresses changed or refused, parcels shipped, products. Every other event of those topics is skipped by its type header, undecoded.
 */
public class ChannelInputSerde extends EventSerde {
    public ChannelInputSerde() {
        super(names(OrderPlaced.class, OrderStatusChanged.class, ShippingAddressChanged.class,
                AddressChangeRefused.class, ParcelsShipped.class, ProductUpdated.class));
    }
}
