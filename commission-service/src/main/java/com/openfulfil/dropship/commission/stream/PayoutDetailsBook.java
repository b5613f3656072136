package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.config.CommissionProperties;
import com.openfulfil.dropship.commission.domain.PayoutDestination;
import com.openfulfil.dropship.commission.domain.PayoutDetailsCipher;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.partner.PayoutDetailsSet;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Partners' payout details, sealed on the compacted {@code commissions.payout-details} topic and read
 * through every instance's global store of it. Only the masked form ever leaves this class; the
 * details are opened only to mask them. What this instance has just written is answered until its
 * store shows it, as the partner registry does.
 */
@Component
public class PayoutDetailsBook {
    private static final Logger log = LoggerFactory.getLogger(PayoutDetailsBook.class);

    private final StoreQueries stores;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Optional<PayoutDetailsCipher> cipher;
    private final RecentWrites<PayoutDetailsSet> written = new RecentWrites<>();

    PayoutDetailsBook(StoreQueries stores, EventPublisher publisher, Clock clock, CommissionProperties properties) {
        this.stores = stores;
        this.publisher = publisher;
        this.clock = clock;
        CommissionProperties.PayoutDetailsKeys keys = properties.payoutDetails();
        this.cipher = keys.isConfigured()
                ? Optional.of(new PayoutDetailsCipher(keys.key(), keys.previousKeys())) : Optional.empty();
        if (cipher.isEmpty()) {
            log.warn("No payout details key (DROPSHIP_COMMISSION_PAYOUT_DETAILS_KEY): partners cannot give payout details");
        }
    }

    /** Whether details can be kept: only sealed, so never without a key. */
    public boolean acceptsDetails() {
        return cipher.isPresent();
    }

    /** Seals and writes the partner's details; durable on return. */
    public PayoutDestination store(String partnerId, String details) {
        PayoutDetailsCipher.Sealed sealed = cipher.orElseThrow(() -> new IllegalStateException(
                "no payout details key is configured")).seal(partnerId, details);
        PayoutDetailsSet set = new PayoutDetailsSet(EventIds.random(), clock.instant(), partnerId, sealed.keyId(),
                sealed.sealed());
        publisher.publishAndWait(Topics.PAYOUT_DETAILS, partnerId, set);
        written.remember(partnerId, set);
        return PayoutDestination.of(details, set.occurredAt());
    }

    /** The partner's payout destination, masked; empty when none is on file or it cannot be opened here. */
    public Optional<PayoutDestination> destinationOf(String partnerId) {
        return latest(partnerId).flatMap(set -> opened(set).map(details -> PayoutDestination.of(details,
                set.occurredAt())));
    }

    /** Whether the partner has payout details on file, and whether they are {@code details}. */
    public OnFile onFile(String partnerId, String details) {
        Optional<PayoutDetailsSet> set = latest(partnerId);
        if (set.isEmpty()) {
            return OnFile.NONE;
        }
        return opened(set.get()).filter(details::equals).isPresent() ? OnFile.THESE : OnFile.OTHERS;
    }

    public enum OnFile { NONE, THESE, OTHERS }

    private Optional<String> opened(PayoutDetailsSet set) {
        if (cipher.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.get().open(set.partnerId(), set.keyId(), set.sealed()));
        } catch (PayoutDetailsCipher.UnreadableException e) {
            log.warn("Payout details of partner {} are unreadable ({}); they must be entered again",
                    set.partnerId(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<PayoutDetailsSet> latest(String partnerId) {
        Optional<PayoutDetailsSet> stored = stores.<Event>get(CommissionTopology.PAYOUT_DETAILS_STORE, partnerId)
                .filter(PayoutDetailsSet.class::isInstance).map(PayoutDetailsSet.class::cast);
        return written.latest(partnerId, stored);
    }
}
