package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.serde.JsonSerde;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the feeds sent to Amazon sellers until Amazon has processed them: every {@code feed-check-every}
 * it asks {@code getFeed} (through the seller's getFeed rate limiter) until the feed is {@code DONE},
 * {@code FATAL} or {@code CANCELLED}. A feed done without errors is the call's end. A feed Amazon could not
 * process, or whose processing report counts a message with an error, is a refusal after all: it is
 * logged as {@code ALERT} and shown in the store's activity with Amazon's reason, where ops may send the call
 * again. What becomes of each feed is told to its sender ({@link Outcome}), which keeps the feeds it follows on
 * Kafka ({@link AmazonFeedLog}) and follows again, after a restart, those Amazon had not processed yet.
 */
final class AmazonFeedWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmazonFeedWatch.class);
    private static final Pattern WITH_ERROR = Pattern.compile("<MessagesWithError>\\s*(\\d+)\\s*</MessagesWithError>");
    private static final Pattern DESCRIPTION = Pattern.compile("<ResultDescription>(.*?)</ResultDescription>",
            Pattern.DOTALL);

    /** What became of a feed: processed without an error, or refused (the call may then be sent again). */
    interface Outcome {
        void processed(OutboundCall call);

        void refused(OutboundCall call);
    }

    private final StoreActivity activity;
    private final JsonSerde<OutboundCall> serde = JsonSerde.of(OutboundCall.class);
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "amazon-feed-watch");
        thread.setDaemon(true);
        return thread;
    });

    AmazonFeedWatch(StoreActivity activity) {
        this.activity = activity;
    }

    /** Follows {@code feedId}, sent for {@code call}, asking every {@code every}. */
    void follow(AmazonApi api, RateLimiter getFeeds, Duration every, String feedId, OutboundCall call,
                Outcome whenDone) {
        checks.schedule(() -> check(api, getFeeds, every, feedId, call, whenDone), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void check(AmazonApi api, RateLimiter getFeeds, Duration every, String feedId, OutboundCall call,
                       Outcome whenDone) {
        String status;
        String reason;
        try {
            if (!getFeeds.acquirePermission()) {
                throw RequestNotPermitted.createRequestNotPermitted(getFeeds);
            }
            JsonNode feed = api.getFeed(feedId);
            status = feed.path("processingStatus").asString("");
            if (status.equals("IN_QUEUE") || status.equals("IN_PROGRESS") || status.isEmpty()) {
                follow(api, getFeeds, every, feedId, call, whenDone);
                return;
            }
            String report = feed.path("resultFeedDocumentId").asString("");
            reason = outcome(status, report.isEmpty() ? "" : api.feedReport(report));
        } catch (ChannelUnavailableException | RequestNotPermitted e) {
            follow(api, getFeeds, every, feedId, call, whenDone);  // asked again at the next check
            return;
        } catch (RuntimeException e) {
            status = "UNKNOWN";
            reason = "Amazon's processing of feed " + feedId + " could not be read: " + e.getMessage();
        }
        String what = call.kind() + " for order " + call.externalRef();
        if (reason == null) {
            log.info("Amazon processed feed {} ({} of store {})", feedId, what, call.storeId());
            whenDone.processed(call);
            return;
        }
        whenDone.refused(call);
        String problem = "Amazon feed " + feedId + " " + status + ": " + reason;
        log.warn("ALERT {} refused by store {}: {}", what, call.storeId(), problem);
        Metrics.counter("dropship.channels.feeds.refused", "store", call.storeId(), "kind", call.kind().name())
                .increment();
        activity.refused(call.storeId(), what, problem, call.orderId(), serde.serialize(null, call));
    }

    /** Null when the feed was processed without an error; else what Amazon said. */
    static String outcome(String status, String report) {
        List<String> descriptions = new ArrayList<>();
        Matcher matcher = DESCRIPTION.matcher(report);
        while (matcher.find()) {
            descriptions.add(matcher.group(1).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        if (!status.equals("DONE")) {
            return descriptions.isEmpty() ? "Amazon could not process it" : String.join("; ", descriptions);
        }
        Matcher errors = WITH_ERROR.matcher(report);
        if (errors.find() && Integer.parseInt(errors.group(1)) > 0) {
            return descriptions.isEmpty() ? errors.group(1) + " message(s) with an error"
                    : String.join("; ", descriptions);
        }
        return null;
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
