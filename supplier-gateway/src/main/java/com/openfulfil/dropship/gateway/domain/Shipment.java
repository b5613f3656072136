package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.DispatchShipped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's shipment checked against its dispatch, unit by unit: the parcels it adds (tracking
 * numbers the dispatch has not seen), each with what it holds by line, our sku and title, and the units
 * of each line they take. A parcel that names its contents must name lines of the dispatch (by
 * {@code lineNo}, by sku or the supplier's sku) and, with the other parcels, ship no more of a line than is
 * left of it; each breach is a {@link Problem} naming the field of the supplier's message. A parcel that
 * names nothing holds what is left of the dispatch after the named ones, shared with the message's other
 * such parcels (then none of them says which units it holds).
 */
public record Shipment(List<ShippedParcel> parcels, Map<Integer, Integer> units, List<Problem> problems) {

    /** Why a shipment is refused: the field of the supplier's message ({@code parcels[0].items[1].quantity}) and the reason. */
    public record Problem(String field, String reason) {
        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }

    public Shipment {
        parcels = List.copyOf(parcels);
        units = Map.copyOf(units);
        problems = List.copyOf(problems);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    public List<String> trackingNumbers() {
        return parcels.stream().map(ShippedParcel::trackingNumber).toList();
    }

    /** The problems as one sentence, for a refusal that has no HTTP answer to carry them (a dead letter, a log line). */
    public String reason(DispatchShipped shipped) {
        return "DispatchShipped " + shipped.eventId() + " for dispatch " + shipped.dispatchId() + " refused: "
                + String.join("; ", problems.stream().map(Problem::toString).toList());
    }

    public static Shipment of(Dispatch dispatch, DispatchShipped shipped) {
        Map<Integer, Integer> left = dispatch.unitsLeft();
        Map<Integer, Integer> taken = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, List<ParcelItem>> named = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        List<String> fresh = dispatch.unseen(shipped.trackingNumbers());
        for (ShippedParcel parcel : shipped.allParcels()) {
            if (!fresh.contains(parcel.trackingNumber()) || named.containsKey(parcel.trackingNumber())
                    || unnamed.contains(parcel.trackingNumber())) {
                continue; // a parcel already recorded: a replay, not news
            }
            if (!parcel.namesContents()) {
                unnamed.add(parcel.trackingNumber());
                continue;
            }
            String field = "parcels[" + shipped.parcels().indexOf(parcel) + "].items";
            named.put(parcel.trackingNumber(), contents(dispatch, parcel.items(), field, left, taken, problems));
        }
        if (!problems.isEmpty()) {
            return new Shipment(List.of(), Map.of(), problems);
        }
        Map<Integer, Integer> rest = new LinkedHashMap<>();
        left.forEach((line, units) -> {
            int remaining = units - taken.getOrDefault(line, 0);
            if (remaining > 0) {
                rest.put(line, remaining);
            }
        });
        List<ShippedParcel> parcels = new ArrayList<>();
        for (String number : fresh) {
            if (named.containsKey(number)) {
                parcels.add(new ShippedParcel(number, named.get(number)));
            } else if (unnamed.contains(number)) {
                // one parcel that names nothing holds the rest; several share it, none saying which units
                parcels.add(new ShippedParcel(number, unnamed.size() == 1 && !rest.isEmpty()
                        ? items(dispatch, rest) : null));
            }
        }
        Map<Integer, Integer> units = new LinkedHashMap<>(taken);
        if (!unnamed.isEmpty()) {
            rest.forEach((line, n) -> units.merge(line, n, Integer::sum));
        }
        return new Shipment(parcels, units, problems);
    }

    /** A parcel's items checked against the dispatch, merged by line; {@code taken} counts what the message ships. */
    private static List<ParcelItem> contents(Dispatch dispatch, List<ParcelItem> items, String field,
                                             Map<Integer, Integer> left, Map<Integer, Integer> taken,
                                             List<Problem> problems) {
        Map<Integer, Integer> inParcel = new LinkedHashMap<>();
        for (int j = 0; j < items.size(); j++) {
            ParcelItem item = items.get(j);
            String at = field + "[" + j + "]";
            Optional<DispatchItem> line = line(dispatch, item, at, problems);
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = line.get().lineNo();
            int before = taken.getOrDefault(lineNo, 0);
            int after = before + item.quantity();
            int available = left.getOrDefault(lineNo, 0);
            if (after > available && before <= available) {
                problems.add(new Problem(at + ".quantity", "ships " + after + " of line " + lineNo + " ("
                        + line.get().sku() + ") but " + (available == 0 ? "none is" : available + " " + (available == 1
                        ? "is" : "are")) + " left to ship of the " + line.get().quantity() + " dispatched"));
            }
            taken.put(lineNo, after);
            inParcel.merge(lineNo, item.quantity(), Integer::sum);
        }
        return items(dispatch, inParcel);
    }

    /** The dispatch's line an item names, or a problem: a line or sku the dispatch does not have, or the two disagreeing. */
    private static Optional<DispatchItem> line(Dispatch dispatch, ParcelItem item, String at, List<Problem> problems) {
        Optional<DispatchItem> byLine = item.lineNo() == null ? Optional.empty()
                : dispatch.items().stream().filter(i -> i.lineNo() == item.lineNo()).findFirst();
        Optional<DispatchItem> bySku = item.sku() == null || item.sku().isBlank() ? Optional.empty()
                : dispatch.items().stream().filter(i -> item.sku().equals(i.sku()) || item.sku().equals(i.supplierSku()))
                .findFirst();
        if (item.lineNo() != null && byLine.isEmpty()) {
            problems.add(new Problem(at + ".lineNo", "line " + item.lineNo() + " is not in dispatch "
                    + dispatch.dispatchId() + " (its lines: " + lineNumbers(dispatch) + ")"));
            return Optional.empty();
        }
        if (item.sku() != null && !item.sku().isBlank() && bySku.isEmpty()) {
            problems.add(new Problem(at + ".sku", item.sku() + " is not in dispatch " + dispatch.dispatchId()));
            return Optional.empty();
        }
        if (byLine.isPresent() && bySku.isPresent() && byLine.get().lineNo() != bySku.get().lineNo()) {
            problems.add(new Problem(at + ".sku", item.sku() + " is not the item of line " + item.lineNo() + " ("
                    + byLine.get().sku() + ")"));
            return Optional.empty();
        }
        return byLine.isPresent() ? byLine : bySku;
    }

    private static String lineNumbers(Dispatch dispatch) {
        return String.join(", ", dispatch.items().stream().map(i -> String.valueOf(i.lineNo())).toList());
    }

    /** Units by line as the items passed on: line, our sku, units, title. */
    private static List<ParcelItem> items(Dispatch dispatch, Map<Integer, Integer> units) {
        return units.entrySet().stream().map(e -> {
            DispatchItem item = dispatch.items().stream().filter(i -> i.lineNo() == e.getKey()).findFirst().orElseThrow();
            return new ParcelItem(e.getKey(), item.sku(), e.getValue(), item.title());
        }).toList();
    }
}
