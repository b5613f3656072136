package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a parcel is. Only registered parcels are shown: a tracking number we only heard of from
 * a carrier belongs to no order of ours yet.
 */
@RestController
class TrackingController {
    private final StoreQueries stores;

    TrackingController(StoreQueries stores) {
        this.stores = stores;
    }

    @GetMapping("/api/v1/tracking/{trackingNumber}")
    TrackingView parcel(@PathVariable String trackingNumber) {
        return stores.<Parcel>get(TrackingTopology.PARCELS, trackingNumber)
                .filter(Parcel::registered)
                .map(TrackingView::of)
                .orElseThrow(() -> ApiProblem.notFound("No parcel with tracking number " + trackingNumber));
    }
}
