package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The cancel commands the gateway sent order-service ({@code orders.commands}). */
final class CancelCommands {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private CancelCommands() {
    }

    /** The order's one cancel command: it comes, and no second one in the second after. */
    static CancelRequested exactlyOne(String orderId) {
        try (TopicReader commands = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            commands.until(WAIT, seen -> commands.valuesOf(CancelRequested.class).stream()
                    .anyMatch(c -> c.orderId().equals(orderId)));
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
                commands.until(Duration.ofSeconds(5), seen -> true);
                return commands.valuesOf(CancelRequested.class).stream().filter(c -> c.orderId().equals(orderId))
                        .count() == 1;
            });
            return commands.valuesOf(CancelRequested.class).stream().filter(c -> c.orderId().equals(orderId))
                    .findFirst().orElseThrow();
        }
    }
}
