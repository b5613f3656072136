package com.openfulfil.dropship.channel.config;

import com.openfulfil.dropship.channel.connector.AmazonPoller;
import com.openfulfil.dropship.channel.connector.AmazonSellers;
import com.openfulfil.dropship.channel.connector.ChannelConnectors;
import com.openfulfil.dropship.channel.connector.Catalog;
import com.openfulfil.dropship.channel.connector.InboundChanges;
import com.openfulfil.dropship.channel.connector.OutboundRetries;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.support.config.DropshipProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The webhooks' producer onto channels.inbound, the connector that makes the calls to the channels, the
 * Amazon poller, and what ops see of each store (its activity) and retry (its refused calls).
 */
@Configuration(proxyBeanMethods = false)
class ChannelKafka {

    @Bean(destroyMethod = "close")
    InboundChanges inboundChanges(DropshipProperties dropship, @Value("${spring.application.name}") String service) {
        return new InboundChanges(dropship.kafka().bootstrapServers(), dropship.kafka().security(), service);
    }

    @Bean
    Catalog catalog(DropshipProperties dropship) {
        return new Catalog(dropship.kafka().bootstrapServers(), dropship.kafka().security());
    }

    @Bean
    StoreActivity storeActivity(ChannelProperties properties, Clock clock) {
        return new StoreActivity(properties.stores(), clock);
    }

    @Bean(destroyMethod = "close")
    OutboundRetries outboundRetries(DropshipProperties dropship, @Value("${spring.application.name}") String service) {
        return new OutboundRetries(dropship.kafka().bootstrapServers(), dropship.kafka().security(), service);
    }

    @Bean
    AmazonSellers amazonSellers(ChannelProperties properties, Clock clock) {
        return new AmazonSellers(properties, clock);
    }

    @Bean
    ChannelConnectors channelConnectors(ChannelProperties properties, DropshipProperties dropship,
                                        @Value("${spring.application.name}") String service,
                                        CircuitBreakerRegistry breakers, RateLimiterRegistry rateLimiters,
                                        AmazonSellers sellers, StoreActivity activity, InboundChanges changes) {
        return new ChannelConnectors(properties, dropship.kafka().bootstrapServers(), dropship.kafka().security(),
                service, breakers, rateLimiters, sellers, activity, changes);
    }

    @Bean
    AmazonPoller amazonPoller(ChannelProperties properties, AmazonSellers sellers, DropshipProperties dropship,
                              @Value("${spring.application.name}") String service, CircuitBreakerRegistry breakers,
                              RetryRegistry retries, RateLimiterRegistry rateLimiters, InboundChanges changes,
                              Catalog catalog, StoreActivity activity) {
        return AmazonPoller.of(properties, sellers, dropship.kafka().bootstrapServers(), dropship.kafka().security(),
                service, breakers, retries, rateLimiters, changes, catalog, activity);
    }
}
