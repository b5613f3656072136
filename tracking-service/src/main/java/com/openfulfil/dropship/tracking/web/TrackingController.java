package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
        return registered(trackingNumber).map(TrackingView::of)
                .orElseThrow(() -> ApiProblem.notFound("No parcel with tracking number " + trackingNumber));
    }

    /** The customer's page, linked from the shipping notice. */
    @GetMapping(value = "/track/{trackingNumber}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String trackingNumber) {
        Optional<Parcel> parcel = registered(trackingNumber);
        return ResponseEntity.status(parcel.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Cache-Control", "no-store")
                .body(parcel.map(TrackingPage::of).orElseGet(() -> TrackingPage.notFound(trackingNumber)));
    }

    private Optional<Parcel> registered(String trackingNumber) {
        return stores.<Parcel>get(TrackingTopology.PARCELS, trackingNumber).filter(Parcel::registered);
    }
}
