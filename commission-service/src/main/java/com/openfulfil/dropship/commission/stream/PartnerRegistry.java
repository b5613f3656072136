package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The partner registry: the compacted {@code partners} topic, read through this service's global
 * store of it. What this instance has just written is remembered until its store shows it, so the
 * caller's next request (grant right after apply, revoke right after grant) starts from it.
 */
@Component
public class PartnerRegistry {
    private final StoreQueries stores;
    private final EventPublisher publisher;
    private final RecentWrites<PartnerUpdated> written = new RecentWrites<>();

    PartnerRegistry(StoreQueries stores, EventPublisher publisher) {
        this.stores = stores;
        this.publisher = publisher;
    }

    public Optional<PartnerUpdated> find(String partnerId) {
        Optional<PartnerUpdated> stored = stores.<Event>get(CommissionTopology.PARTNERS_STORE, partnerId)
                .filter(PartnerUpdated.class::isInstance).map(PartnerUpdated.class::cast);
        return written.latest(partnerId, stored);
    }

    /** Writes the partner's new state; durable on return, and what {@link #find} answers from now on. */
    public void publish(PartnerUpdated partner) {
        publisher.publishAndWait(Topics.PARTNERS, partner.partnerId(), partner);
        written.remember(partner.partnerId(), partner);
    }
}
