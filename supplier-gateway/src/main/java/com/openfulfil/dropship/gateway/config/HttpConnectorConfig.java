package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.gateway.connector.HttpConnectors;
import com.openfulfil.dropship.gateway.connector.ParkedDispatches;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connector that POSTs dispatches to HTTP suppliers, and the retry of what it had to park. */
@Configuration(proxyBeanMethods = false)
class HttpConnectorConfig {

    @Bean
    HttpConnectors httpConnectors(GatewayProperties gateway, DropshipProperties dropship,
                                  @Value("${spring.application.name}") String service, CircuitBreakerRegistry breakers,
                                  RetryRegistry retries, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        return new HttpConnectors(gateway, dropship.kafka().bootstrapServers(), dropship.kafka().security(), service,
                breakers, retries,
                rateLimiters, bulkheads);
    }

    @Bean
    ParkedDispatches parkedDispatches(DropshipProperties dropship, @Value("${spring.application.name}") String service,
                                      EventPublisher publisher) {
        return new ParkedDispatches(dropship.kafka().bootstrapServers(), dropship.kafka().security(), service,
                publisher);
    }
}
