package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.Event;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The function bean {@code channels}: {@code channels-in-0} is the pipeline's topics
 * ({@link ChannelTopology#INPUTS}), {@code channels-in-1} the channels' own changes ({@code channels.inbound}).
 */
@Configuration(proxyBeanMethods = false)
class ChannelStream {

    @Bean
    BiConsumer<KStream<String, Event>, KStream<String, InboundChange>> channels(ChannelProperties properties,
                                                                                 StoreActivity activity) {
        ChannelSettings settings = settings(properties, activity);
        return (events, inbound) -> ChannelTopology.wire(events, inbound, settings);
    }

    static ChannelSettings settings(ChannelProperties properties, StoreActivity activity) {
        return new ChannelSettings(properties.stores(), properties.stockStores(), properties.stockDebounce(),
                properties.stockCheckEvery(),
                properties.woocommerce().stream().collect(Collectors.toMap(ChannelProperties.WooStore::id,
                        ChannelProperties.WooStore::completeOn)), activity);
    }
}
