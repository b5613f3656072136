package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoints;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes what a carrier reported (a webhook call, a round of polling) to {@code tracking.carrier-events}:
 * one record per parcel with its reports in the carrier's order, all sent before waiting, so a batch
 * costs one round trip and the parcel's task applies the batch in one step.
 */
public final class CarrierReports {
    private CarrierReports() {
    }

    /** @return how many reports were written */
    public static int publish(EventPublisher publisher, List<CarrierCheckpoint> checkpoints, Instant now) {
        Map<String, List<CarrierCheckpoint>> byParcel = new LinkedHashMap<>();
        checkpoints.forEach(c -> byParcel.computeIfAbsent(c.trackingNumber(), n -> new java.util.ArrayList<>()).add(c));
        List<CompletableFuture<RecordMetadata>> sent = byParcel.values().stream()
                .map(reports -> publisher.publish(Topics.CARRIER_EVENTS, reports.get(0).trackingNumber(), batch(reports, now)))
                .toList();
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PublishFailedException failed) {
                throw failed;
            }
            throw new PublishFailedException("Could not write carrier events", e.getCause());
        }
        return checkpoints.size();
    }

    private static CarrierCheckpoints batch(List<CarrierCheckpoint> reports, Instant now) {
        CarrierCheckpoint first = reports.get(0);
        String id = EventIds.derived(reports.stream().map(CarrierCheckpoint::eventId).toArray(String[]::new));
        return new CarrierCheckpoints(id, now, first.carrier(), first.trackingNumber(), reports);
    }
}
