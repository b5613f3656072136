package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.Optional;

/**
 * Speaks one carrier's language. Carriers name their statuses their own way; an adapter turns a
 * carrier's raw status into our {@link ParcelStatus}. Carriers with their own vocabulary get an
 * adapter bean of their own; every other carrier is served by {@link GenericCarrierAdapter}.
 */
public interface CarrierAdapter {

    /** True for the carrier ids (as configured, any case) whose vocabulary this adapter knows. */
    boolean handles(String carrier);

    /** Our status for the carrier's raw status; empty when the carrier's word is not known. */
    Optional<ParcelStatus> status(String rawStatus);
}
