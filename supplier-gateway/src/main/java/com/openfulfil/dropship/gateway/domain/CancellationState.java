package com.openfulfil.dropship.gateway.domain;

/** Where a dispatch's cancellation stands: asked of the supplier, then accepted or refused by it. */
public enum CancellationState {
    NONE, REQUESTED, ACCEPTED, REJECTED
}
