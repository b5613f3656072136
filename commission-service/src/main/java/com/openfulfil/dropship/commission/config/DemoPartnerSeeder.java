package com.openfulfil.dropship.commission.config;

import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.commission.stream.PayoutDetailsBook;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.PartnerStatus;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.security.ApiKeys;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Grants the configured demo partners (and keeps their payout details) once the stream is up, unless the registry already holds each
 * with its key's hash (so a restart writes nothing, and a demo partner an admin revoked stays revoked).
 * A broker that is not there yet is retried in the background rather than failing start-up.
 */
@Component
class DemoPartnerSeeder {
    private static final Logger log = LoggerFactory.getLogger(DemoPartnerSeeder.class);
    private static final long RETRY_SECONDS = 5;

    private final CommissionProperties properties;
    private final PartnerRegistry registry;
    private final PayoutDetailsBook payoutDetails;
    private final Clock clock;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-partner-seeder");
        thread.setDaemon(true);
        return thread;
    });

    DemoPartnerSeeder(CommissionProperties properties, PartnerRegistry registry, PayoutDetailsBook payoutDetails,
                      Clock clock) {
        this.properties = properties;
        this.registry = registry;
        this.payoutDetails = payoutDetails;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!properties.demoPartners().isEmpty()) {
            retries.execute(this::seedOrRetry);
        }
    }

    private void seedOrRetry() {
        try {
            properties.demoPartners().forEach(this::seed);
        } catch (RuntimeException e) {
            log.warn("Could not seed the demo partners yet ({}); retrying in {} s", e.getMessage(), RETRY_SECONDS);
            retries.schedule(this::seedOrRetry, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    void seed(CommissionProperties.DemoPartner demo) {
        String hash = ApiKeys.sha256Hex(demo.apiKey());
        boolean present = registry.find(demo.id()).filter(p -> hash.equals(p.apiKeyHash())).isPresent();
        if (!present) {
            registry.publish(new PartnerUpdated(EventIds.derived("demo-partner", demo.id(), hash), clock.instant(),
                    demo.id(), demo.name(), demo.email(), PartnerStatus.GRANTED, hash));
            log.info("Granted demo partner {}", demo.id());
        }
        // the demo's payout batches pay the demo partner rather than hold it; details the partner gave since stay
        if (demo.payoutDetails() != null && payoutDetails.acceptsDetails()
                && payoutDetails.onFile(demo.id(), demo.payoutDetails()) == PayoutDetailsBook.OnFile.NONE) {
            payoutDetails.store(demo.id(), demo.payoutDetails());
            log.info("Gave demo partner {} its payout details", demo.id());
        }
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
