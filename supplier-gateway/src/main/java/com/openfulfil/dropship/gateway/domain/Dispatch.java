package com.openfulfil.dropship.gateway.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One supplier's part of an order: what was sent and when, how far the supplier got, every
 * tracking number it reported so far (so a re-sent shipment notice is recognised as a replay) and the
 * units of each line shipped so far ({@code shippedUnits}, lineNo to units; absent on a dispatch stored
 * before parcels named their contents, whose first shipment took everything).
 * {@code rerouteReason} is set on a dispatch whose deadline passed under the reroute policy, or that an
 * operator moves: once the supplier agrees to drop it, its lines go to a backup, for that reason.
 */
public record Dispatch(String dispatchId, String supplierId, List<DispatchItem> items, DispatchStatus status,
                       String carrier, List<String> trackingNumbers, CancellationState cancellation, Instant sentAt,
                       String rerouteReason, Map<Integer, Integer> shippedUnits) {

    public Dispatch {
        items = List.copyOf(items);
        trackingNumbers = trackingNumbers == null ? List.of() : List.copyOf(trackingNumbers);
        cancellation = cancellation == null ? CancellationState.NONE : cancellation;
        shippedUnits = shippedUnits == null ? null : Map.copyOf(shippedUnits);
    }

    public Dispatch(String dispatchId, String supplierId, List<DispatchItem> items, DispatchStatus status,
                    String carrier, List<String> trackingNumbers, CancellationState cancellation, Instant sentAt,
                    String rerouteReason) {
        this(dispatchId, supplierId, items, status, carrier, trackingNumbers, cancellation, sentAt, rerouteReason,
                status == DispatchStatus.SHIPPED ? null : Map.of());
    }

    /**
     * Reads a stored dispatch. One stored before the reason was kept says only
     * {@code rerouteWhenCancelled}: it was moving for a missed deadline.
     */
    @JsonCreator
    static Dispatch read(@JsonProperty("dispatchId") String dispatchId, @JsonProperty("supplierId") String supplierId,
                         @JsonProperty("items") List<DispatchItem> items, @JsonProperty("status") DispatchStatus status,
                         @JsonProperty("carrier") String carrier,
                         @JsonProperty("trackingNumbers") List<String> trackingNumbers,
                         @JsonProperty("cancellation") CancellationState cancellation,
                         @JsonProperty("sentAt") Instant sentAt, @JsonProperty("rerouteReason") String rerouteReason,
                         @JsonProperty("rerouteWhenCancelled") Boolean storedFlag,
                         @JsonProperty("shippedUnits") Map<Integer, Integer> shippedUnits) {
        return new Dispatch(dispatchId, supplierId, items, status, carrier, trackingNumbers, cancellation, sentAt,
                rerouteReason == null && Boolean.TRUE.equals(storedFlag) ? "deadline missed at " + supplierId : rerouteReason,
                shippedUnits == null && status != DispatchStatus.SHIPPED ? Map.of() : shippedUnits);
    }

    static Dispatch sent(String dispatchId, String supplierId, List<DispatchItem> items, Instant at) {
        return new Dispatch(dispatchId, supplierId, items, DispatchStatus.SENT, null, List.of(),
                CancellationState.NONE, at, null, Map.of());
    }

    /**
     * Units of each line (lineNo to units) dispatched and not shipped yet. A dispatch stored before
     * shipments were counted by unit and already shipped has none left: its first parcel held everything.
     */
    Map<Integer, Integer> unitsLeft() {
        Map<Integer, Integer> left = new LinkedHashMap<>();
        for (DispatchItem item : items) {
            int shipped = shippedUnits == null ? (status == DispatchStatus.SHIPPED ? item.quantity() : 0)
                    : shippedUnits.getOrDefault(item.lineNo(), 0);
            left.merge(item.lineNo(), item.quantity() - shipped, Integer::sum);
        }
        return left;
    }

    /** What has left the supplier so far: per line, the units shipped (lines with none left out). */
    List<ParcelItem> shippedItems() {
        Map<Integer, Integer> left = unitsLeft();
        List<ParcelItem> shipped = new ArrayList<>();
        for (DispatchItem item : items) {
            int units = totalOf(item.lineNo()) - left.getOrDefault(item.lineNo(), 0);
            boolean listed = shipped.stream().anyMatch(p -> p.lineNo() == item.lineNo());
            if (units > 0 && !listed) {
                shipped.add(new ParcelItem(item.lineNo(), item.sku(), units, item.title()));
            }
        }
        return shipped;
    }

    Optional<Dispatch> accept() {
        return status.canAccept() ? Optional.of(withStatus(DispatchStatus.ACCEPTED)) : Optional.empty();
    }

    Optional<Dispatch> reject() {
        return status.canReject() ? Optional.of(withStatus(DispatchStatus.REJECTED)) : Optional.empty();
    }

    /** Tracking numbers in {@code reported} this dispatch has not seen yet, in the supplier's order. */
    List<String> unseen(List<String> reported) {
        return reported.stream().distinct().filter(n -> !trackingNumbers.contains(n)).toList();
    }

    /** With the shipment's new parcels and the units they took; empty if it is no news for this dispatch. */
    Optional<Dispatch> ship(String shippedWith, Shipment shipment) {
        if (!status.canShip() || shipment.parcels().isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(trackingNumbers);
        all.addAll(shipment.trackingNumbers());
        Map<Integer, Integer> units = new LinkedHashMap<>();
        unitsLeft().forEach((line, left) -> units.put(line, totalOf(line) - left + shipment.units().getOrDefault(line, 0)));
        return Optional.of(new Dispatch(dispatchId, supplierId, items, DispatchStatus.SHIPPED, shippedWith, all,
                cancellation, sentAt, rerouteReason, units));
    }

    private int totalOf(int lineNo) {
        return items.stream().filter(i -> i.lineNo() == lineNo).mapToInt(DispatchItem::quantity).sum();
    }

    /** A supplier's answer counts once, and only to a cancellation we asked for. */
    Optional<Dispatch> cancellationAnswered(CancellationState answer) {
        return cancellation != CancellationState.REQUESTED || answer == cancellation ? Optional.empty()
                : Optional.of(withCancellation(answer));
    }

    Dispatch withCancellation(CancellationState state) {
        return new Dispatch(dispatchId, supplierId, items, status, carrier, trackingNumbers, state, sentAt,
                rerouteReason, shippedUnits);
    }

    /** Asked to drop the dispatch so that a backup can have it, for {@code reason}. */
    Dispatch cancellingToReroute(String reason) {
        return new Dispatch(dispatchId, supplierId, items, status, carrier, trackingNumbers,
                CancellationState.REQUESTED, sentAt, reason, shippedUnits);
    }

    /** Whether the supplier's agreement to drop it moves its lines to a backup. */
    boolean rerouteWhenCancelled() {
        return rerouteReason != null;
    }

    /** Still with the supplier and neither shipped nor being cancelled: an operator may move it. */
    boolean movable() {
        return (status == DispatchStatus.SENT || status == DispatchStatus.ACCEPTED)
                && cancellation == CancellationState.NONE;
    }

    Dispatch withoutReroute() {
        return new Dispatch(dispatchId, supplierId, items, status, carrier, trackingNumbers, cancellation, sentAt,
                null, shippedUnits);
    }

    private Dispatch withStatus(DispatchStatus next) {
        return new Dispatch(dispatchId, supplierId, items, next, carrier, trackingNumbers, cancellation, sentAt,
                rerouteReason, shippedUnits);
    }
}
