package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.ReturnReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened after delivery (R5): the customer's return request with its photos, and how it
 * was settled: refunds, or the order shipped again. {@code supplierPaysReturn} follows the
 * reason: a quality problem is the supplier's, a change of mind the customer's (R5.2).
 *
 * @param refunded   the total paid back so far (every refund that {@link RefundStatus#refunded() counts})
 * @param refundedAt when the last refund was paid back
 * @param refunds    each refund, asked for or settled; a settled one moves to the end, so the last settled
 *                   one is the latest
 * @param returnAuthorisations one per supplier that shipped part of a returned order: where its units go back
 */
public record AfterSales(ReturnReason reason, String description, List<String> photoUrls, Instant requestedAt,
                         boolean supplierPaysReturn, Instant returnedAt, BigDecimal refunded, String refundCurrency,
                         Instant refundedAt, Instant reshippedAt, List<Refund> refunds,
                         List<ReturnAuthorisation> returnAuthorisations) {

    public AfterSales {
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        returnAuthorisations = returnAuthorisations == null ? List.of() : List.copyOf(returnAuthorisations);
    }

    static AfterSales requested(ReturnReason reason, String description, List<String> photoUrls, Instant at) {
        return new AfterSales(reason, description, photoUrls, at, reason != null && reason.supplierPaysReturn(), null,
                null, null, null, null, null, null);
    }

    static AfterSales none() {
        return new AfterSales(null, null, List.of(), null, false, null, null, null, null, null, null, null);
    }

    AfterSales returned(Instant at) {
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, at, refunded,
                refundCurrency, refundedAt, reshippedAt, refunds, returnAuthorisations);
    }

    AfterSales reshipped(Instant at) {
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, returnedAt, refunded,
                refundCurrency, refundedAt, at, refunds, returnAuthorisations);
    }

    /**
     * With the authorisation at {@code authorised}'s supplier; an authorisation already kept (a replay)
     * changes nothing.
     */
    AfterSales authorised(ReturnAuthorisation authorised) {
        if (authorisation(authorised.rmaId()).isPresent()) {
            return this;
        }
        List<ReturnAuthorisation> all = new ArrayList<>(returnAuthorisations);
        all.add(authorised);
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, returnedAt, refunded,
                refundCurrency, refundedAt, reshippedAt, refunds, all);
    }

    /** With {@code changed} in place of the authorisation of the same RMA number. */
    AfterSales withAuthorisation(ReturnAuthorisation changed) {
        List<ReturnAuthorisation> all = returnAuthorisations.stream()
                .map(a -> a.rmaId().equals(changed.rmaId()) ? changed : a).toList();
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, returnedAt, refunded,
                refundCurrency, refundedAt, reshippedAt, refunds, all);
    }

    /** Whether every supplier that authorised a return has it back (false while none is authorised). */
    public boolean everyReturnReceived() {
        return !returnAuthorisations.isEmpty() && returnAuthorisations.stream().allMatch(ReturnAuthorisation::received);
    }

    /** The return authorised under {@code rmaId}, if there is one. */
    public Optional<ReturnAuthorisation> authorisation(String rmaId) {
        return returnAuthorisations.stream().filter(a -> a.rmaId().equals(rmaId)).findFirst();
    }

    /** The refund with this id, if the order has one. */
    public Optional<Refund> refund(String refundId) {
        return refunds.stream().filter(r -> r.refundId().equals(refundId)).findFirst();
    }

    /** What has been paid back so far (zero before any refund). */
    public BigDecimal refundedTotal() {
        return refunded == null ? BigDecimal.ZERO : refunded;
    }

    /** What refunds asked of the provider and not yet answered will pay back if they succeed. */
    public BigDecimal inFlight() {
        return refunds.stream().filter(r -> r.status() == RefundStatus.REQUESTED).map(Refund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Units paid back per order line: those named by every refund that {@link RefundStatus#refunded() counts}
     * (lines with none are left out); a failed or refused refund, and one naming no lines, counts none.
     */
    public Map<Integer, Integer> refundedUnits() {
        return unitsOf(refunds.stream().filter(r -> r.status().refunded()).toList());
    }

    /** Units per order line that refunds counted or asked of the provider and not yet answered name. */
    Map<Integer, Integer> unitsRefundedOrInFlight() {
        return unitsOf(refunds.stream().filter(r -> r.status().refunded() || r.status() == RefundStatus.REQUESTED)
                .toList());
    }

    private static Map<Integer, Integer> unitsOf(List<Refund> counted) {
        Map<Integer, Integer> units = new LinkedHashMap<>();
        for (Refund refund : counted) {
            for (LineQuantity line : refund.lines()) {
                units.merge(line.lineNo(), line.quantity(), Integer::sum);
            }
        }
        return units;
    }

    /** The refund settled last, if any counted as paid back. */
    public Optional<Refund> latestRefunded() {
        for (int i = refunds.size() - 1; i >= 0; i--) {
            if (refunds.get(i).status().refunded()) {
                return Optional.of(refunds.get(i));
            }
        }
        return Optional.empty();
    }

    AfterSales refundRequested(Refund refund) {
        List<Refund> all = new ArrayList<>(refunds);
        all.add(refund);
        return withRefunds(all, refunded, refundCurrency, refundedAt);
    }

    /**
     * Settles {@code refund} (replacing the entry of the same id), adding its amount when it now counts as paid
     * back and did not before, and taking it off again when it counted (pending) and no longer does (failed).
     */
    AfterSales settled(Refund refund) {
        boolean counted = refund(refund.refundId()).map(r -> r.status().refunded()).orElse(false);
        List<Refund> all = new ArrayList<>(refunds);
        all.removeIf(r -> r.refundId().equals(refund.refundId()));
        all.add(refund);
        if (counted == refund.status().refunded()) {
            return withRefunds(all, refunded, refundCurrency, refundedAt);
        }
        if (counted) {
            return withRefunds(all, refundedTotal().subtract(refund.amount()), refundCurrency, refundedAt);
        }
        return withRefunds(all, refundedTotal().add(refund.amount()), refund.currency(), refund.settledAt());
    }

    private AfterSales withRefunds(List<Refund> all, BigDecimal total, String currency, Instant at) {
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, returnedAt, total,
                currency, at, reshippedAt, all, returnAuthorisations);
    }
}
