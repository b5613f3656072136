package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.ParcelStatus;

/** A parcel's status moved from {@code previous} to {@code status} because of {@code report}. */
public record Move(ParcelStatus previous, ParcelStatus status, StatusReport report) {
}
