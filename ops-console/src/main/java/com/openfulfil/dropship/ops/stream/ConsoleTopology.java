package com.openfulfil.dropship.ops.stream;

import com.openfulfil.dropship.events.Event;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** The console's one stream: orders.lifecycle, catalog.stock-alerts and fulfilment.events into its stores. */
@Configuration
public class ConsoleTopology {

    @Bean
    public Consumer<KStream<String, Event>> watch() {
        return events -> events.process(PipelineWatcher.supplier());
    }
}
