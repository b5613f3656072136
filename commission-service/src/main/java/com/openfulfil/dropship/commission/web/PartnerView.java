package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.PayoutDestination;
import com.openfulfil.dropship.events.model.PartnerStatus;
import com.openfulfil.dropship.events.partner.PartnerUpdated;

/** A partner as they and the admin see them; {@code payoutDetails} masked, null while none are on file. */
record PartnerView(String partnerId, String name, String email, PartnerStatus status, PayoutDestination payoutDetails) {
    static PartnerView of(PartnerUpdated partner, PayoutDestination destination) {
        return new PartnerView(partner.partnerId(), partner.name(), partner.email(), partner.status(), destination);
    }
}
