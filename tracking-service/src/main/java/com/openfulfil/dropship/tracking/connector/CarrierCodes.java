package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.Carrier;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A carrier that reports its own status codes ("80", "DI1", "OK"): its codes first, then the
 * generic words for anything else it says, so a carrier may mix both in one history. It answers for
 * the carrier's code and the other ids {@link Carrier} lists for it ({@code LAPOSTE} for Colissimo).
 */
abstract class CarrierCodes implements CarrierAdapter {
    private static final CarrierAdapter GENERIC = new GenericCarrierAdapter();
    private final Carrier carrier;
    private final Map<String, ParcelStatus> codes;

    CarrierCodes(Carrier carrier, Map<String, ParcelStatus> codes) {
        this.carrier = carrier;
        this.codes = Map.copyOf(codes);
    }

    @Override
    public boolean handles(String id) {
        return Carrier.find(id).filter(carrier::equals).isPresent();
    }

    @Override
    public Optional<ParcelStatus> status(String rawStatus) {
        if (rawStatus == null) {
            return Optional.empty();
        }
        ParcelStatus coded = codes.get(rawStatus.strip().toUpperCase(Locale.ROOT));
        return coded != null ? Optional.of(coded) : GENERIC.status(rawStatus);
    }
}
