package com.openfulfil.dropship.events.partner;

import com.openfulfil.dropship.events.Event;

/** Everything commission-service writes. */
public sealed interface PartnerMessage extends Event permits PartnerUpdated, LedgerEvent, PayoutRequested,
        PayoutDetailsSet {
    String partnerId();
}
