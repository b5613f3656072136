package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Two minimal services for the supervision tests, each picked by {@code spring.cloud.function.definition}:
 * {@code ticking}, whose punctuator throws once after an order called "arm..." went through, and
 * {@code watching}, which keeps a global table.
 */
@SpringBootApplication
public class StreamsTestApp {
    static final TopicSpec TICKS_IN = Topics.supplierDispatch("ticking-it");
    static final TopicSpec TICKS_OUT = Topics.supplierUpdates("ticking-it");
    static final TopicSpec WATCHED_STREAM = Topics.supplierDispatch("watching-it");
    static final TopicSpec WATCHED_TABLE = Topics.supplierUpdates("watching-it");

    /** Set by an order whose id starts with "arm"; the punctuator then fails as often as {@link #FAILURES_LEFT} says. */
    static final AtomicBoolean ARMED = new AtomicBoolean();
    /** Shared by every processor instance, so the replacement thread's punctuator does not fail again. */
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger(1);

    @Bean
    ServiceTopics streamsTestTopics() {
        return new ServiceTopics("streams-it", List.of(TICKS_IN, TICKS_OUT, WATCHED_STREAM, WATCHED_TABLE),
                List.of(TICKS_IN.name(), WATCHED_STREAM.name(), WATCHED_TABLE.name()));
    }

    @Bean
    Function<KStream<String, Event>, KStream<String, Event>> ticking() {
        return orders -> orders.process(Ticking::new);
    }

    @Bean
    BiConsumer<KStream<String, Event>, GlobalKTable<String, Event>> watching() {
        return (stream, table) -> stream.foreach((key, value) -> { });
    }

    /** Answers each order with a PLACED status change; its punctuator throws outside of any message. */
    static final class Ticking implements Processor<String, Event, String, Event> {
        private ProcessorContext<String, Event> context;

        @Override
        public void init(ProcessorContext<String, Event> context) {
            this.context = context;
            context.schedule(Duration.ofMillis(50), PunctuationType.WALL_CLOCK_TIME, now -> {
                if (ARMED.get() && FAILURES_LEFT.getAndDecrement() > 0) {
                    throw new IllegalStateException("the ticking punctuator broke");
                }
            });
        }

        @Override
        public void process(Record<String, Event> record) {
            OrderPlaced order = (OrderPlaced) record.value();
            if (order.orderId().startsWith("arm")) {
                ARMED.set(true);
            }
            context.forward(record.withValue(new OrderStatusChanged("s-" + order.eventId(), order.occurredAt(),
                    order.orderId(), null, OrderStatus.PLACED, "placed", order.order())));
        }
    }
}
