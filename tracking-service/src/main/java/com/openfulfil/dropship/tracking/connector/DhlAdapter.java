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
import static com.openfulfil.dropship.events.model.ParcelStatus.PENDING;

/**
 * DHL Express checkpoint codes (PU, DF, WC, OK, NH, ...); DHL's coarse statusCode words
 * (pre-transit, transit, delivered, failure) are generic words and need no entry here.
 */
@Component
class DhlAdapter extends CarrierCodes {
    DhlAdapter() {
        super(Carrier.DHL, Map.ofEntries(
                Map.entry("UNKNOWN", PENDING),
                Map.entry("SA", INFO_RECEIVED),     // shipment acknowledged
                Map.entry("PU", IN_TRANSIT),        // picked up
                Map.entry("PL", IN_TRANSIT),        // processed at location
                Map.entry("DF", IN_TRANSIT),        // departed facility
                Map.entry("AF", IN_TRANSIT),        // arrived at facility
                Map.entry("AR", IN_TRANSIT),        // arrived at delivery facility
                Map.entry("CR", IN_TRANSIT),        // customs cleared
                Map.entry("WC", OUT_FOR_DELIVERY),  // with delivery courier
                Map.entry("NH", ATTEMPT_FAIL),      // not home
                Map.entry("CA", ATTEMPT_FAIL),      // closed on arrival
                Map.entry("BA", EXCEPTION),         // bad address
                Map.entry("MS", EXCEPTION),         // mis-sorted
                Map.entry("RT", EXCEPTION),         // returned to shipper
                Map.entry("OK", DELIVERED)));       // delivered
    }
}
