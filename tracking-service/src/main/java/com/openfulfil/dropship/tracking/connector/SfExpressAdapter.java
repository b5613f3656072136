package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.Carrier;
import org.springframework.stereotype.Component;

import java.util.Map;

import static com.openfulfil.dropship.events.model.ParcelStatus.ATTEMPT_FAIL;
import static com.openfulfil.dropship.events.model.ParcelStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.ParcelStatus.EXCEPTION;
import static com.openfulfil.dropship.events.model.ParcelStatus.INFO_RECEIVED;
import static com.openfulfil.dropship.events.model.ParcelStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.ParcelStatus.OUT_FOR_DELIVERY;

/** SF Express route operation codes (opCode of a route push): collected, loaded, arrived, out with the courier, signed. */
@Component
class SfExpressAdapter extends CarrierCodes {
    SfExpressAdapter() {
        super(Carrier.SF, Map.ofEntries(
                Map.entry("54", INFO_RECEIVED),      // order received by the carrier
                Map.entry("50", IN_TRANSIT),         // collected from the sender
                Map.entry("30", IN_TRANSIT),         // loaded, leaving the transit centre
                Map.entry("31", IN_TRANSIT),         // arrived at a transit centre
                Map.entry("36", IN_TRANSIT),         // in customs clearance
                Map.entry("44", OUT_FOR_DELIVERY),   // the courier is on the way
                Map.entry("204", OUT_FOR_DELIVERY),  // handed to the delivering courier
                Map.entry("70", ATTEMPT_FAIL),       // delivery failed, will retry
                Map.entry("33", EXCEPTION),          // delivery problem (address, refusal)
                Map.entry("99", EXCEPTION),          // returned to the sender
                Map.entry("80", DELIVERED),          // signed for
                Map.entry("8000", DELIVERED)));      // signed for (international)
    }
}
