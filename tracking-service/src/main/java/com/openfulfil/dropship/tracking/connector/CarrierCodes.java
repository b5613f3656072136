package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A carrier that reports its own status codes ("80", "DI1", "OK"): its codes first, then the
 * generic words for anything else it says, so a carrier may mix both in one history.
 */
abstract class CarrierCodes implements CarrierAdapter {
    private static final CarrierAdapter GENERIC = new GenericCarrierAdapter();
    private final Set<String> carriers;
    private final Map<String, ParcelStatus> codes;

    CarrierCodes(Set<String> carriers, Map<String, ParcelStatus> codes) {
        this.carriers = Set.copyOf(carriers);
        this.codes = Map.copyOf(codes);
    }

    @Override
    public boolean handles(String carrier) {
        return carrier != null && carriers.contains(carrier.toUpperCase(Locale.ROOT));
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
