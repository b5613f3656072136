package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.tracking.config.TrackingProperties.Polling;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A round over each polled carrier's parcels every {@code interval}; the first comes a little after
 * start-up (half a minute, or one interval when that is shorter), once the parcels are restored.
 */
public class CarrierPollSchedule implements SmartLifecycle {
    private static final Duration FIRST_ROUND_AFTER = Duration.ofSeconds(30);
    private final CarrierPoller poller;
    private final List<Polling> carriers;
    private ThreadPoolTaskScheduler scheduler;

    public CarrierPollSchedule(CarrierPoller poller, List<Polling> carriers) {
        this.poller = poller;
        this.carriers = List.copyOf(carriers);
    }

    @Override
    public void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("carrier-poll-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        carriers.forEach(carrier -> scheduler.scheduleWithFixedDelay(() -> poller.poll(carrier),
                Instant.now().plus(carrier.interval().compareTo(FIRST_ROUND_AFTER) < 0 ? carrier.interval()
                        : FIRST_ROUND_AFTER), carrier.interval()));
    }

    @Override
    public void stop() {
        scheduler.shutdown();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
