package com.openfulfil.dropship.supplierportal.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/**
 * The portal's stream (its own application id, {@code ops-console-supplier-portal}): every
 * supplier's dispatch topic and {@code fulfilment.events} into the portal's store.
 */
@Configuration
public class PortalTopology {

    @Bean
    public Consumer<KStream<String, Event>> supplierPortal(SupplierPortalProperties properties,
                                                           DispatchChanges changes) {
        return events -> events.process(PortalWatcher.supplier(properties::serves, changes::changed));
    }
}
