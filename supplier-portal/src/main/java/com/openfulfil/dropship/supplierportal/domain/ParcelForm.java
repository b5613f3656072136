package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ship form's parcels: parcel {@code i} is the i-th tracking number typed, and the units of line
 * {@code L} in it are in the field {@code units-i-L}. A parcel whose fields are all left empty (or 0)
 * names no contents: it holds what is left of the dispatch (shared with the other such parcels).
 * A field that is not a whole number of units, units in a row without a tracking number, and more
 * units of a line than are left to ship are named, field by field.
 */
public final class ParcelForm {
    private ParcelForm() {
    }

    /** The parcels to report, and the fields to correct (none when the parcels can be sent). */
    public record Parsed(List<ShippedParcel> parcels, Map<String, String> errors) {
    }

    public static String field(int parcel, int lineNo) {
        return "units-" + parcel + "-" + lineNo;
    }

    /**
     * @param typed  the tracking numbers as typed, one per parcel row, blank where none was typed
     * @param fields every field of the form; the {@code units-i-L} ones are read
     */
    public static Parsed read(PortalDispatch dispatch, List<String> typed, Map<String, String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ShippedParcel> parcels = new ArrayList<>();
        Map<Integer, Integer> left = dispatch.unitsLeft();
        Map<Integer, Integer> taken = new LinkedHashMap<>();
        List<DispatchItem> lines = dispatch.details() == null ? List.of() : dispatch.details().items();
        for (int i = 0; i < typed.size(); i++) {
            String number = typed.get(i).trim();
            List<ParcelItem> items = new ArrayList<>();
            for (DispatchItem line : lines) {
                String field = field(i, line.lineNo());
                Integer units = units(fields.getOrDefault(field, ""));
                if (units == null) {
                    errors.put(field, "A whole number of units, 0 or more.");
                } else if (units > 0 && number.isEmpty()) {
                    errors.put("trackingNumbers[" + i + "]", "Give the tracking number of this parcel.");
                } else if (units > 0) {
                    int total = taken.merge(line.lineNo(), units, Integer::sum);
                    int available = left.getOrDefault(line.lineNo(), 0);
                    if (total > available) {
                        errors.put(field, (available == 0 ? "Nothing" : "Only " + available) + " of line "
                                + line.lineNo() + " is left to ship.");
                    }
                    items.add(new ParcelItem(line.lineNo(), line.sku(), units));
                }
            }
            if (!number.isEmpty()) {
                parcels.add(new ShippedParcel(number.toUpperCase(java.util.Locale.ROOT), items.isEmpty() ? null : items));
            }
        }
        return new Parsed(List.copyOf(parcels), errors);
    }

    /** Units typed in a field: blank is none; null when it is not a whole number from 0. */
    private static Integer units(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int units = Integer.parseInt(value);
            return units < 0 ? null : units;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
