package com.openfulfil.dropship.catalog.config;

import com.openfulfil.dropship.catalog.stream.CatalogTopology;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
class CatalogConfig {

    /** Every consumed topic gets its {@code <topic>.catalog-service.dlq}. */
    @Bean
    ServiceTopics catalogTopics(@Value("${spring.application.name}") String service) {
        return new ServiceTopics(service, List.of(), CatalogTopology.INPUTS);
    }
}
