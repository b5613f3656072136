package com.openfulfil.dropship.tracking.config;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.tracking.connector.CarrierAdapters;
import com.openfulfil.dropship.tracking.connector.CarrierReports;
import com.openfulfil.dropship.tracking.connector.CarrierPollSchedule;
import com.openfulfil.dropship.tracking.connector.CarrierPoller;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polling of carriers that offer only a query API ({@code dropship.tracking.polling}). */
@Configuration
class PollingConfig {

    @Bean
    CarrierPoller carrierPoller(CarrierAdapters adapters, StoreQueries stores, EventPublisher publisher,
                                CircuitBreakerRegistry breakers, RetryRegistry retries, Clock clock,
                                @Value("${dropship.tracking.poll-timeout:20s}") Duration timeout) {
        return new CarrierPoller(adapters,
                carrier -> stores.<Parcel, List<String>>read(TrackingTopology.PARCELS, store -> onTheirWay(store, carrier)),
                checkpoints -> CarrierReports.publish(publisher, checkpoints, clock.instant()),
                breakers, retries, timeout, clock);
    }

    @Bean
    CarrierPollSchedule carrierPollSchedule(CarrierPoller poller, TrackingProperties properties) {
        return new CarrierPollSchedule(poller, properties.polling());
    }

    /** This instance's parcels of the carrier that are registered and not delivered or expired. */
    private static List<String> onTheirWay(ReadOnlyKeyValueStore<String, Parcel> store, String carrier) {
        List<String> trackingNumbers = new ArrayList<>();
        try (KeyValueIterator<String, Parcel> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Parcel> entry = all.next();
                Parcel parcel = entry.value;
                if (parcel.registered() && !parcel.status().isTerminal()
                        && parcel.registration().carrier().equalsIgnoreCase(carrier)) {
                    trackingNumbers.add(entry.key);
                }
            }
        }
        return trackingNumbers;
    }
}
