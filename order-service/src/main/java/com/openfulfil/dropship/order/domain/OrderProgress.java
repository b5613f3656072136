package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Where fulfilment has got to. An order split over suppliers moves only as fast as its slowest
 * part: it is SHIPPED when every supplier has shipped, DELIVERED when every parcel is delivered.
 */
final class OrderProgress {
    /** The fulfilment states in the order they happen. */
    static final List<OrderStatus> PROGRESSION = List.of(OrderStatus.CONFIRMED, OrderStatus.DISPATCHED,
            OrderStatus.ACCEPTED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED);

    private OrderProgress() {
    }

    static boolean inProgress(OrderStatus status) {
        return PROGRESSION.contains(status) && status != OrderStatus.DELIVERED;
    }

    static int rank(OrderStatus status) {
        return PROGRESSION.indexOf(status);
    }

    /**
     * Where the order stands: the slowest supplier decides until every supplier has shipped; then
     * the order is in transit as soon as any parcel moves, and delivered when every parcel is.
     */
    static OrderStatus reached(List<String> expectedSuppliers, Collection<Fulfilment> fulfilments) {
        if (expectedSuppliers.isEmpty()) {
            return OrderStatus.CONFIRMED;
        }
        List<Fulfilment> current = new ArrayList<>();
        OrderStatus slowest = OrderStatus.SHIPPED;
        for (String supplier : expectedSuppliers) {
            if (fulfilments.stream().anyMatch(f -> f.supplierId().equals(supplier)
                    && f.status() == FulfilmentStatus.CANCELLED)) {
                // a part cancelled while another supplier shipped anyway: the order goes on without it
                continue;
            }
            // a supplier may hold two parts of the order (its own and one rerouted to it): the slower counts
            List<Fulfilment> live = fulfilments.stream()
                    .filter(f -> f.supplierId().equals(supplier) && f.status().live()).toList();
            current.addAll(live);
            OrderStatus stage = live.stream().map(OrderProgress::stage).min(Comparator.comparingInt(OrderProgress::rank))
                    .orElse(OrderStatus.CONFIRMED);
            if (rank(stage) < rank(slowest)) {
                slowest = stage;
            }
        }
        return slowest == OrderStatus.SHIPPED ? parcelsStage(current) : slowest;
    }

    private static OrderStatus stage(Fulfilment fulfilment) {
        return switch (fulfilment.status()) {
            case SENT -> OrderStatus.DISPATCHED;
            case ACCEPTED -> OrderStatus.ACCEPTED;
            case SHIPPED -> OrderStatus.SHIPPED;
            case REJECTED, CANCELLED, REROUTED -> OrderStatus.CONFIRMED;
        };
    }

    private static OrderStatus parcelsStage(List<Fulfilment> shipped) {
        List<ParcelStatus> parcels = shipped.stream().flatMap(f -> f.parcels().values().stream()).toList();
        if (!parcels.isEmpty() && parcels.stream().allMatch(p -> p == ParcelStatus.DELIVERED)) {
            return OrderStatus.DELIVERED;
        }
        boolean moving = parcels.stream().anyMatch(p -> p != ParcelStatus.PENDING && p != ParcelStatus.INFO_RECEIVED);
        return moving ? OrderStatus.IN_TRANSIT : OrderStatus.SHIPPED;
    }
}
