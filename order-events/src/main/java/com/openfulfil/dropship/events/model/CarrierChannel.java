package com.openfulfil.dropship.events.model;

/** How a carrier's report reached us: the carrier posted it, or we asked the carrier's query API. */
public enum CarrierChannel {
    WEBHOOK,
    POLLING
}
