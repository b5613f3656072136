package com.openfulfil.dropship.support.it;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.function.Function;

/** A minimal service: turns OrderPlaced into a PLACED status change, and throws on an order called "boom". */
@SpringBootApplication
public class SupportTestApp {
    @Bean
    ServiceTopics serviceTopics() {
        return new ServiceTopics("support-it", List.of(), List.of(Topics.ORDERS_PLACED.name()));
    }

    @Bean
    Function<KStream<String, Event>, KStream<String, Event>> echo() {
        return placed -> placed.mapValues(event -> {
            OrderPlaced order = (OrderPlaced) event;
            if (order.orderId().equals("boom")) {
                throw new IllegalStateException("cannot handle order boom");
            }
            return new OrderStatusChanged("s-" + order.eventId(), order.occurredAt(), order.orderId(), null,
                    OrderStatus.PLACED, "placed", order.order());
        });
    }
}
