package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.events.Event;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The function bean {@code channels}: {@code channels-in-0} is the pipeline's topics
 * ({@link ChannelTopology#INPUTS}), {@code channels-in-1} the channels' own changes ({@code channels.inbound}).
 */
@Configuration(proxyBeanMethods = false)
class ChannelStream {

    @Bean
    BiConsumer<KStream<String, Event>, KStream<String, InboundChange>> channels(ChannelProperties properties) {
        ChannelSettings settings = settings(properties);
        return (events, inbound) -> ChannelTopology.wire(events, inbound, settings);
    }

    static ChannelSettings settings(ChannelProperties properties) {
        Map<String, Platform> stores = new LinkedHashMap<>();
        properties.shopify().forEach(s -> stores.put(s.id(), Platform.SHOPIFY));
        properties.woocommerce().forEach(s -> stores.put(s.id(), Platform.WOOCOMMERCE));
        properties.amazon().forEach(s -> stores.put(s.id(), Platform.AMAZON));
        return new ChannelSettings(stores, properties.shopify().stream()
                .filter(ChannelProperties.ShopifyStore::pushesStock).map(ChannelProperties.ShopifyStore::id)
                .collect(Collectors.toSet()), properties.stockDebounce(), properties.stockCheckEvery(),
                properties.woocommerce().stream().collect(Collectors.toMap(ChannelProperties.WooStore::id,
                        ChannelProperties.WooStore::completeOn)));
    }
}
