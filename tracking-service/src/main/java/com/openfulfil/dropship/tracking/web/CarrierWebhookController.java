package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.config.TrackingProperties;
import com.openfulfil.dropship.tracking.connector.CarrierAdapters;
import com.openfulfil.dropship.tracking.connector.CarrierReports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Carrier webhooks, JSON ({@code Content-Type}; anything else is 415). The signature is checked over
 * the raw bytes before anything is read, and the answer comes once Kafka holds every event.
 * Duplicates are accepted: the parcel processor drops a carrier event id it has seen, so a carrier
 * may retry freely.
 */
@RestController
class CarrierWebhookController {
    private final TrackingProperties properties;
    private final CarrierAdapters adapters;
    private final EventPublisher publisher;
    private final Clock clock;

    CarrierWebhookController(TrackingProperties properties, CarrierAdapters adapters, EventPublisher publisher,
                             Clock clock) {
        this.properties = properties;
        this.adapters = adapters;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/carriers/{carrier}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Integer>> receive(@PathVariable String carrier,
                                                 @RequestHeader(value = Signatures.HEADER, required = false) String signature,
                                                 @RequestBody(required = false) byte[] body) {
        TrackingProperties.Carrier account = properties.carrier(carrier)
                .orElseThrow(() -> ApiProblem.notFound("No carrier " + carrier + " sends webhooks here"));
        byte[] raw = body == null ? new byte[0] : body;
        if (!Signatures.verify(account.secret(), raw, signature)) {
            throw ApiProblem.unauthorized("The " + Signatures.HEADER + " header is missing or does not match the body");
        }
        List<CarrierCheckpoint> checkpoints = CarrierWebhookReader.read(account.id(), raw,
                adapters.forCarrier(account.id()), clock.instant(), CarrierChannel.WEBHOOK);
        int accepted = CarrierReports.publish(publisher, checkpoints, clock.instant());
        return ResponseEntity.accepted().body(Map.of("accepted", accepted));
    }
}
