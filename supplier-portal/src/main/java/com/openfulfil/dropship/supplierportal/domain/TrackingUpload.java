package com.openfulfil.dropship.supplierportal.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A supplier's CSV of parcels: one row per shipment, naming the dispatch, the carrier and one or
 * more tracking numbers (several parcels: separated by spaces, {@code ;} or {@code |}). The filled-in
 * packing list is such a file too; its rows without carrier and tracking numbers are skipped.
 * A row that names one tracking number and fills in the optional column {@code units_in_parcel} says that
 * many units of its {@code line_no} are in that parcel (the packing list has both columns, one row per
 * line, {@code units_in_parcel} left empty); rows of the same parcel add up. A parcel no row says that of
 * holds what is left of its dispatch, as before the column existed. Each row is checked on its own: a bad row is refused with its line and field, the others stand.
 */
public final class TrackingUpload {
    static final int MAX_PARCELS = 20;
    private static final Pattern DISPATCH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,39}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s;|,]+");
    private static final Map<String, String> COLUMNS = Map.of(
            "dispatchid", "dispatch_id", "dispatch", "dispatch_id",
            "carrier", "carrier",
            "trackingnumbers", "tracking_numbers", "trackingnumber", "tracking_numbers", "tracking", "tracking_numbers",
            "lineno", "line_no", "unitsinparcel", "units_in_parcel", "parcelunits", "units_in_parcel");
    private static final List<String> WANTED = List.of("dispatch_id", "carrier", "tracking_numbers", "line_no",
            "units_in_parcel");
    private static final int REQUIRED = 3;

    /**
     * A shipment to report; {@code lineNo} and {@code quantity} (both null unless the row fills in
     * {@code units_in_parcel}): units of that line in its one parcel.
     */
    public record Row(int line, String dispatchId, String carrier, List<String> trackingNumbers, Integer lineNo,
                      Integer quantity) {
        public Row(int line, String dispatchId, String carrier, List<String> trackingNumbers) {
            this(line, dispatchId, carrier, trackingNumbers, null, null);
        }

        public boolean namesContents() {
            return lineNo != null;
        }
    }

    /** A row that changes nothing, and why. */
    public record Refusal(int line, String field, String reason) {
    }

    /**
     * @param received rows in the file (the header and blank lines not counted)
     * @param skipped  rows of a packing list not filled in (no carrier, no tracking number)
     */
    public record Parsed(int received, List<Row> rows, List<Refusal> refused, int skipped) {
    }

    private TrackingUpload() {
    }

    /** Reads the file; {@code carriers} are the carrier codes accepted (upper case). */
    public static Parsed parse(byte[] file, Set<String> carriers) {
        List<Csv.Record> records = Csv.read(file);
        if (records.isEmpty()) {
            throw new Csv.CsvException(1, "the file is empty: the first line must name the columns "
                    + "dispatch_id, carrier, tracking_numbers");
        }
        int[] columns = columns(records.get(0));
        List<Row> rows = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        int skipped = 0;
        for (Csv.Record record : records.subList(1, records.size())) {
            String dispatchId = record.field(columns[0]);
            String carrier = record.field(columns[1]).toUpperCase(Locale.ROOT);
            String numbers = record.field(columns[2]);
            if (carrier.isEmpty() && numbers.isEmpty()) {
                skipped++;
                continue;
            }
            Refusal refusal = check(record.line(), dispatchId, carrier, numbers, carriers);
            if (refusal == null) {
                refusal = contents(record, columns, trackingNumbers(numbers), rows, dispatchId, carrier);
            }
            if (refusal != null) {
                refused.add(refusal);
            }
        }
        return new Parsed(records.size() - 1, rows, refused, skipped);
    }

    /**
     * Adds the row, with its units of a line when it names one parcel and fills in {@code units_in_parcel};
     * a row naming several parcels cannot say what each holds. Null, or why the row is refused.
     */
    private static Refusal contents(Csv.Record record, int[] columns, List<String> numbers, List<Row> rows,
                                    String dispatchId, String carrier) {
        String lineCell = columns[3] < 0 ? "" : record.field(columns[3]).trim();
        String quantityCell = columns[4] < 0 ? "" : record.field(columns[4]).trim();
        if (quantityCell.isEmpty()) {
            rows.add(new Row(record.line(), dispatchId, carrier, numbers));
            return null;
        }
        if (numbers.size() > 1) {
            return new Refusal(record.line(), "units_in_parcel", "name one tracking number in a row that says "
                    + "what its parcel holds");
        }
        Integer lineNo = lineCell.isEmpty() ? null : whole(lineCell, 1);
        if (lineNo == null) {
            return new Refusal(record.line(), "line_no", lineCell.isEmpty() ? "is required with units_in_parcel"
                    : "\"" + lineCell + "\" is not a line number of the dispatch");
        }
        Integer quantity = whole(quantityCell, 1);
        if (quantity == null) {
            return new Refusal(record.line(), "units_in_parcel", "\"" + quantityCell
                    + "\" is not a number of units (1 or more)");
        }
        rows.add(new Row(record.line(), dispatchId, carrier, numbers, lineNo, quantity));
        return null;
    }

    private static Integer whole(String cell, int atLeast) {
        try {
            int value = Integer.parseInt(cell);
            return value < atLeast ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The tracking numbers of one cell, upper-cased, each once, in the order given. */
    public static List<String> trackingNumbers(String cell) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String number : SEPARATORS.split(cell.trim())) {
            if (!number.isEmpty()) {
                numbers.add(number.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(numbers);
    }

    /** Why a tracking number cannot be one, or null when it can. */
    public static String checkTrackingNumber(String number) {
        return TRACKING_NUMBER.matcher(number).matches() ? null
                : "\"" + number + "\" is not a tracking number (4 to 40 letters, digits or '-')";
    }

    private static Refusal check(int line, String dispatchId, String carrier, String numbers, Set<String> carriers) {
        if (dispatchId.isEmpty()) {
            return new Refusal(line, "dispatch_id", "is required");
        }
        if (!DISPATCH_ID.matcher(dispatchId).matches()) {
            return new Refusal(line, "dispatch_id", "\"" + dispatchId + "\" is not a dispatch id");
        }
        if (carrier.isEmpty()) {
            return new Refusal(line, "carrier", "is required");
        }
        if (!carriers.contains(carrier)) {
            return new Refusal(line, "carrier", "\"" + carrier + "\" is not a carrier we know; use one of "
                    + String.join(", ", carriers.stream().sorted().toList()));
        }
        List<String> parsed = trackingNumbers(numbers);
        if (parsed.isEmpty()) {
            return new Refusal(line, "tracking_numbers", "at least one tracking number is required");
        }
        if (parsed.size() > MAX_PARCELS) {
            return new Refusal(line, "tracking_numbers", "at most " + MAX_PARCELS + " parcels per row");
        }
        for (String number : parsed) {
            String problem = checkTrackingNumber(number);
            if (problem != null) {
                return new Refusal(line, "tracking_numbers", problem);
            }
        }
        return null;
    }

    /**
     * Where dispatch_id, carrier and tracking_numbers are (the header must name all three), and line_no and
     * units_in_parcel if it has them (-1 if not).
     */
    private static int[] columns(Csv.Record header) {
        int[] at = {-1, -1, -1, -1, -1};
        for (int i = 0; i < header.fields().size(); i++) {
            String column = COLUMNS.get(Csv.normalise(header.fields().get(i)));
            if (column != null && at[WANTED.indexOf(column)] < 0) {
                at[WANTED.indexOf(column)] = i;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < REQUIRED; i++) {
            if (at[i] < 0) {
                missing.add(WANTED.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new Csv.CsvException(header.line(), "the first line must name the columns dispatch_id, carrier, "
                    + "tracking_numbers; missing: " + String.join(", ", missing));
        }
        return at;
    }
}
