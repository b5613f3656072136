package com.openfulfil.dropship.tracking.connector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** Finds the adapter for a carrier: its own if one is registered as a bean, the generic one otherwise. */
@Component
public class CarrierAdapters {
    private static final CarrierAdapter GENERIC = new GenericCarrierAdapter();
    private final List<CarrierAdapter> specific;

    public CarrierAdapters(ObjectProvider<CarrierAdapter> adapters) {
        this.specific = adapters.orderedStream().toList();
    }

    public CarrierAdapter forCarrier(String carrier) {
        return specific.stream().filter(a -> a.handles(carrier)).findFirst().orElse(GENERIC);
    }
}
