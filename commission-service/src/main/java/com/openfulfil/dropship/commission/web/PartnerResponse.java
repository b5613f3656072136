package com.openfulfil.dropship.commission.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.openfulfil.dropship.events.model.PartnerStatus;

/** A partner's id and status; {@code apiKey} only in the answer to a grant, the one time it is shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartnerResponse(String partnerId, PartnerStatus status, String apiKey) {
    static PartnerResponse of(String partnerId, PartnerStatus status) {
        return new PartnerResponse(partnerId, status, null);
    }
}
