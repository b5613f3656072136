package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.domain.FeedRules;
import com.openfulfil.dropship.catalog.domain.RowProblem;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A supplier's feed into {@code catalog.feed}: each row is read and checked on its own, good rows
 * are published (keyed by sku, so one product's rows stay in order) and bad ones reported. The
 * catalog applies rows as partial updates and ignores a row that changes nothing, so a feed can
 * be sent again safely.
 */
@Component
public class FeedImporter {
    private static final long WAIT_SECONDS = 30;

    private final EventPublisher publisher;
    private final Clock clock;

    FeedImporter(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** @param supplierId already checked to be a valid supplier id */
    public FeedReport importRows(String supplierId, Collection<JsonNode> rows) {
        Instant now = clock.instant();
        List<OfferFeedRow> good = new ArrayList<>();
        List<FeedReport.RefusedRow> refused = new ArrayList<>();
        int line = 0;
        for (JsonNode node : rows) {
            line++;
            FeedRowReader.Read read = FeedRowReader.read(node, supplierId, EventIds.random(), now);
            List<RowProblem> problems = new ArrayList<>(read.problems());
            if (read.row() != null) {
                problems.addAll(FeedRules.check(read.row()));
            }
            if (problems.isEmpty()) {
                good.add(read.row());
            } else {
                int at = line;
                problems.forEach(p -> refused.add(new FeedReport.RefusedRow(at, p.field(), p.reason())));
            }
        }
        publish(good);
        return new FeedReport(rows.size(), good.size(), refused);
    }

    /** Sends every row before waiting for any, so a large feed costs one round of acknowledgements. */
    private void publish(List<OfferFeedRow> rows) {
        CompletableFuture<?>[] sent = rows.stream()
                .map(row -> publisher.publish(Topics.CATALOG_FEED, row.sku(), row))
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(sent).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PublishFailedException failed) {
                throw failed;
            }
            throw new PublishFailedException("Could not write the feed to " + Topics.CATALOG_FEED.name(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the feed in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while writing the feed", e);
        }
    }
}
