package com.openfulfil.dropship.supplierportal.config;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

@Configuration
class SupplierPortalConfig {
    /** The portal's stream is an application of its own; it parks poison messages under its own name. */
    static final String GROUP = "ops-console-supplier-portal";

    @Bean
    ServiceTopics supplierPortalTopics(SupplierPortalProperties properties) {
        List<TopicSpec> dispatchTopics = properties.suppliers().stream()
                .map(s -> Topics.supplierDispatch(s.id())).toList();
        List<String> consumed = new ArrayList<>(List.of(Topics.FULFILMENT_EVENTS.name()));
        dispatchTopics.forEach(t -> consumed.add(t.name()));
        return new ServiceTopics(GROUP, dispatchTopics, consumed);
    }
}
