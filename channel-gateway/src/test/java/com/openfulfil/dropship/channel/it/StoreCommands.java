package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The commands (cancel, another address) the gateway sent order-service ({@code orders.commands}) for a store. */
final class StoreCommands {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private StoreCommands() {
    }

    /** The order's one command of {@code type}: it comes, and no second one in the second after. */
    static <T extends OrderCommand> T exactlyOne(String orderId, Class<T> type) {
        try (TopicReader commands = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            commands.until(WAIT, seen -> !of(commands, orderId, type).isEmpty());
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
                commands.until(Duration.ofSeconds(5), seen -> true);
                return of(commands, orderId, type).size() == 1;
            });
            return of(commands, orderId, type).get(0);
        }
    }

    private static <T extends OrderCommand> List<T> of(TopicReader commands, String orderId, Class<T> type) {
        return commands.valuesOf(type).stream().filter(c -> c.orderId().equals(orderId)).toList();
    }
}
