package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import com.openfulfil.dropship.support.instances.OwnerRouting;
import com.openfulfil.dropship.support.instances.OwnerRouting.Route;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * With several tracking-service instances a parcel lives on the instance holding its tracking
 * number's partition: the parcel's API view, the customer's page, and ops' steps on its claim (which
 * are checked against the parcel) that reach another instance are passed on to it unchanged, the
 * caller's credentials included, and its answer relayed.
 */
@Configuration
class ReadRouting {

    @Bean
    OwnerRouting parcelRouting(Instances instances, InstanceCalls calls) {
        return new OwnerRouting(instances, calls, List.of(
                Route.get("/api/v1/tracking/([^/]+)", TrackingTopology.PARCELS),
                Route.get("/track/([^/]+)", TrackingTopology.PARCELS),
                Route.post("/api/v1/admin/claims/([^/]+)/(?:filed|closed)", TrackingTopology.PARCELS,
                        Claim::trackingNumberOf)));
    }
}
