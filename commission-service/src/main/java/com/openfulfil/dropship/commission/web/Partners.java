package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.PartnerIds;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.commission.stream.PayoutDetailsBook;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.PartnerStatus;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Applying for, granting and revoking the partner role; each step is one PartnerUpdated on {@code partners}. */
@Component
class Partners {
    private final PartnerRegistry registry;
    private final PayoutDetailsBook payoutDetails;
    private final Clock clock;

    Partners(PartnerRegistry registry, PayoutDetailsBook payoutDetails, Clock clock) {
        this.registry = registry;
        this.payoutDetails = payoutDetails;
        this.clock = clock;
    }

    /**
     * Applying again while the application is open updates it; a decided partner is not reset to APPLIED.
     * Payout details go to commission-service's own encrypted topic, never to {@code partners}. Anyone may
     * apply with any e-mail, so an application never replaces payout details already on file: only the
     * partner, with their key, does that.
     */
    PartnerResponse apply(ApplyRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String partnerId = PartnerIds.fromEmail(email);
        registry.find(partnerId).filter(p -> p.status() != PartnerStatus.APPLIED).ifPresent(p -> {
            throw ApiProblem.conflict("partner-exists", "Already decided",
                    "An application for this e-mail was already " + p.status().name().toLowerCase(Locale.ROOT) + ".",
                    Map.of("partnerId", partnerId, "status", p.status().name()));
        });
        String details = request.hasPayoutDetails() ? request.payoutDetails().strip() : null;
        boolean firstDetails = details != null && areFirst(partnerId, details);
        registry.publish(updated(partnerId, request.name().trim(), email, PartnerStatus.APPLIED, null));
        if (firstDetails) {
            payoutDetails.store(partnerId, details);
        }
        return PartnerResponse.of(partnerId, PartnerStatus.APPLIED);
    }

    /** True when no payout details are on file; the same ones again (a retried application) are not stored twice. */
    private boolean areFirst(String partnerId, String details) {
        PayoutDetailsGuard.requireKey(payoutDetails);
        PayoutDetailsBook.OnFile onFile = payoutDetails.onFile(partnerId, details);
        if (onFile == PayoutDetailsBook.OnFile.OTHERS) {
            throw new ApiProblem(HttpStatus.CONFLICT, "payout-details-on-file", "Payout details already given",
                    "This application already has payout details; once granted, the partner replaces them with "
                            + "PUT /api/v1/partners/me/payout-details. Nothing was changed.",
                    List.of(FieldProblem.of("payoutDetails", "already on file")), Map.of("partnerId", partnerId));
        }
        return onFile == PayoutDetailsBook.OnFile.NONE;
    }

    /** Granting again issues a new key, which replaces the old one. */
    PartnerResponse grant(String partnerId) {
        PartnerUpdated partner = existing(partnerId);
        String apiKey = ApiKeys.generate(ApiKeyCheck.PARTNER_KEY_PREFIX + partnerId + "_");
        registry.publish(updated(partnerId, partner.name(), partner.email(), PartnerStatus.GRANTED,
                ApiKeys.sha256Hex(apiKey)));
        return new PartnerResponse(partnerId, PartnerStatus.GRANTED, apiKey);
    }

    /** The hash stays, so order-service recognises the key and can say it was revoked. */
    PartnerResponse revoke(String partnerId) {
        PartnerUpdated partner = existing(partnerId);
        registry.publish(updated(partnerId, partner.name(), partner.email(), PartnerStatus.REVOKED,
                partner.apiKeyHash()));
        return PartnerResponse.of(partnerId, PartnerStatus.REVOKED);
    }

    private PartnerUpdated existing(String partnerId) {
        return registry.find(partnerId).orElseThrow(() -> ApiProblem.notFound("There is no partner " + partnerId + "."));
    }

    private PartnerUpdated updated(String partnerId, String name, String email, PartnerStatus status, String hash) {
        return new PartnerUpdated(EventIds.random(), clock.instant(), partnerId, name, email, status, hash);
    }
}
