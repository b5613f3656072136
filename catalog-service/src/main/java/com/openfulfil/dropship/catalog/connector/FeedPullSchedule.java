package com.openfulfil.dropship.catalog.connector;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Pulls each configured supplier feed every {@code interval}, the first time shortly after start-up. */
public class FeedPullSchedule implements SmartLifecycle {
    private static final long FIRST_PULL_AFTER_SECONDS = 30;

    private final FeedPuller puller;
    private final List<CatalogProperties.PullFeed> feeds;
    private ScheduledExecutorService scheduler;

    public FeedPullSchedule(FeedPuller puller, List<CatalogProperties.PullFeed> feeds) {
        this.puller = puller;
        this.feeds = List.copyOf(feeds);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "feed-pull");
            thread.setDaemon(true);
            return thread;
        });
        for (CatalogProperties.PullFeed feed : feeds) {
            scheduler.scheduleWithFixedDelay(() -> puller.pull(feed), FIRST_PULL_AFTER_SECONDS,
                    feed.interval().toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
