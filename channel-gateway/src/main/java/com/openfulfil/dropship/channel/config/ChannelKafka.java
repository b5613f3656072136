package com.openfulfil.dropship.channel.config;

import com.openfulfil.dropship.channel.connector.ChannelConnectors;
import com.openfulfil.dropship.channel.web.Catalog;
import com.openfulfil.dropship.channel.web.InboundChanges;
import com.openfulfil.dropship.support.config.DropshipProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' producer onto channels.inbound, and the connector that makes the calls to the channels. */
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
    ChannelConnectors channelConnectors(ChannelProperties properties, DropshipProperties dropship,
                                        @Value("${spring.application.name}") String service,
                                        CircuitBreakerRegistry breakers, RetryRegistry retries,
                                        RateLimiterRegistry rateLimiters) {
        return new ChannelConnectors(properties, dropship.kafka().bootstrapServers(), dropship.kafka().security(),
                service, breakers, retries, rateLimiters);
    }
}
