package com.openfulfil.dropship.catalog.config;

import com.openfulfil.dropship.catalog.connector.FeedPullSchedule;
import com.openfulfil.dropship.catalog.connector.FeedPuller;
import com.openfulfil.dropship.catalog.feed.FeedImporter;
import com.openfulfil.dropship.catalog.stream.CatalogTopology;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

@Configuration
class CatalogConfig {

    /** Every consumed topic gets its {@code <topic>.catalog-service.dlq}. */
    @Bean
    ServiceTopics catalogTopics(@Value("${spring.application.name}") String service) {
        return new ServiceTopics(service, List.of(), CatalogTopology.INPUTS);
    }

    @Bean
    FeedPuller feedPuller(FeedImporter importer, CircuitBreakerRegistry breakers, RetryRegistry retries,
                          @Value("${dropship.catalog.pull-timeout:30s}") Duration timeout, Clock clock) {
        return new FeedPuller(importer, breakers, retries, timeout, clock);
    }

    @Bean
    FeedPullSchedule feedPullSchedule(FeedPuller puller, CatalogProperties properties) {
        return new FeedPullSchedule(puller, properties.pullFeeds());
    }
}
