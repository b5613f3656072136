package com.openfulfil.dropship.catalog.feed;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.domain.ExchangeRates;
import com.openfulfil.dropship.catalog.domain.FeedRules;
import com.openfulfil.dropship.catalog.domain.RowProblem;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A supplier's feed into {@code catalog.feed}, row by row as it is read: each row is checked on
 * its own, good rows are published (keyed by sku, so one product's rows stay in order) and bad ones
 * reported. Nothing but the rows in flight is held in memory, so a feed of any size imports. The
 * catalog applies rows as partial updates and ignores a row that changes nothing, so a feed can be
 * sent again safely.
 */
@Component
public class FeedImporter {
    /** Rows written but not yet acknowledged before the importer waits for the oldest. */
    private static final int IN_FLIGHT = 5_000;
    private static final long WAIT_SECONDS = 30;

    private final EventPublisher publisher;
    private final Clock clock;
    private final ExchangeRates rates;

    public FeedImporter(EventPublisher publisher, Clock clock, CatalogProperties properties) {
        this.publisher = publisher;
        this.clock = clock;
        this.rates = properties.policy().rates();
    }

    /**
     * @param supplierId already checked to be a valid supplier id
     * @throws FeedMalformedException when the file stops making sense; the rows before it are imported
     */
    public FeedReport importFeed(String supplierId, FeedRows rows) {
        Instant now = clock.instant();
        Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        List<FeedReport.RefusedRow> refused = new ArrayList<>();
        int received = 0;
        int applied = 0;
        int notListed = 0;
        try (rows) {
            for (ParsedRow parsed = rows.next(); parsed != null; parsed = rows.next()) {
                received++;
                FeedRowReader.Read read = FeedRowReader.read(parsed.fields(), supplierId, EventIds.random(), now);
                List<RowProblem> problems = problems(read, rates);
                if (problems.isEmpty()) {
                    OfferFeedRow row = read.row();
                    inFlight.add(publisher.publish(Topics.CATALOG_FEED, row.sku(), row));
                    applied++;
                    if (inFlight.size() >= IN_FLIGHT) {
                        await(inFlight.removeFirst());
                    }
                } else {
                    for (RowProblem p : problems) {
                        if (refused.size() < FeedReport.MAX_LISTED) {
                            refused.add(new FeedReport.RefusedRow(parsed.line(), p.field(), p.reason()));
                        } else {
                            notListed++;
                        }
                    }
                }
            }
        } finally {
            // whatever happened to the file, every row sent must be durable before we answer
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst());
            }
        }
        return new FeedReport(received, applied, refused, notListed);
    }

    /** What the reader could not read, then what the rules refuse of what it could. */
    private static List<RowProblem> problems(FeedRowReader.Read read, ExchangeRates rates) {
        List<RowProblem> problems = new ArrayList<>(read.problems());
        if (read.row() != null) {
            problems.addAll(FeedRules.check(read.row(), rates));
        }
        return problems;
    }

    private static void await(CompletableFuture<?> sent) {
        try {
            sent.get(WAIT_SECONDS, TimeUnit.SECONDS);
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
