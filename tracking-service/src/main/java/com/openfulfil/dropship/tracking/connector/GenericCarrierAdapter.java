package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The generic webhook format: our own status names in any case or spelling ("IN_TRANSIT",
 * "in-transit", "InTransit") and the synonyms carriers and aggregators commonly use.
 */
public final class GenericCarrierAdapter implements CarrierAdapter {
    private static final Map<String, ParcelStatus> WORDS = vocabulary();

    @Override
    public boolean handles(String carrier) {
        return true;
    }

    @Override
    public Optional<ParcelStatus> status(String rawStatus) {
        return rawStatus == null ? Optional.empty() : Optional.ofNullable(WORDS.get(normalise(rawStatus)));
    }

    /** Case, spaces, '_' and '-' carry no meaning in a status word. */
    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<String, ParcelStatus> vocabulary() {
        Map<String, ParcelStatus> words = new HashMap<>();
        Arrays.stream(ParcelStatus.values()).forEach(s -> words.put(normalise(s.name()), s));
        synonyms(words, ParcelStatus.INFO_RECEIVED, "picked_up", "pickup", "label_created", "pre_transit",
                "shipment_created", "accepted");
        synonyms(words, ParcelStatus.IN_TRANSIT, "transit", "departed", "arrived", "arrived_hub", "in_customs",
                "customs_cleared", "on_the_way");
        synonyms(words, ParcelStatus.OUT_FOR_DELIVERY, "on_vehicle_for_delivery", "with_courier", "delivering");
        synonyms(words, ParcelStatus.AVAILABLE_FOR_PICKUP, "ready_for_pickup", "awaiting_collection",
                "ready_for_collection");
        synonyms(words, ParcelStatus.ATTEMPT_FAIL, "failed_attempt", "attempt_failed", "delivery_attempted",
                "delivery_failed");
        synonyms(words, ParcelStatus.DELIVERED, "signed", "signed_for");
        synonyms(words, ParcelStatus.EXCEPTION, "failure", "lost", "damaged", "returned_to_sender");
        return Map.copyOf(words);
    }

    private static void synonyms(Map<String, ParcelStatus> words, ParcelStatus status, String... synonyms) {
        Arrays.stream(synonyms).forEach(word -> words.put(normalise(word), status));
    }
}
