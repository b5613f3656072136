package com.openfulfil.dropship.gateway.domain;

/** The supplier's answer to a cancellation request; recorded now, acted on by the cancellation flow later. */
public enum CancellationState {
    NONE, ACCEPTED, REJECTED
}
