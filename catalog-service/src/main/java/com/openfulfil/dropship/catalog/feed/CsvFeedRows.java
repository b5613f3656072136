package com.openfulfil.dropship.catalog.feed;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV feed: the header names the columns (in any order, any case, with spaces, '_' or '-':
 * "Supplier SKU" is {@code supplierSku}); each record becomes the same row as in a JSON feed, so
 * both formats are checked by the same rules. An empty cell is a field the row does not set.
 * {@code imageUrls} holds URLs separated by '|'; {@code shippingOptions} holds
 * {@code SERVICE:cost:days[:carrier]} entries separated by '|', e.g. {@code STANDARD:1.80:7|EXPEDITED:6.50:3:DHL}.
 */
final class CsvFeedRows implements FeedRows {
    private static final Map<String, String> COLUMNS = columns();

    private final CsvRecords csv;
    private final List<String> header;

    CsvFeedRows(Reader source) {
        this.csv = new CsvRecords(source);
        CsvRecords.Record first = csv.next();
        if (first == null) {
            throw new FeedMalformedException(1, "the CSV feed is empty: it needs a header row", null);
        }
        List<String> names = first.fields();
        this.header = names.stream().map(CsvFeedRows::field).toList();
        if (!header.contains("sku") || !header.contains("supplierSku")) {
            throw new FeedMalformedException(1, "the header row must name the sku and supplierSku columns; it has "
                    + String.join(", ", names), null);
        }
    }

    @Override
    public ParsedRow next() {
        CsvRecords.Record record = csv.next();
        if (record == null) {
            return null;
        }
        List<String> cells = record.fields();
        ObjectNode row = Json.mapper().createObjectNode();
        for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
            String name = header.get(i);
            String cell = cells.get(i).strip();
            if (name != null && !cell.isEmpty()) {
                put(row, name, cell);
            }
        }
        return new ParsedRow(record.line(), row);
    }

    private static void put(ObjectNode row, String name, String cell) {
        if (name.equals("imageUrls")) {
            ArrayNode urls = row.putArray(name);
            for (String url : cell.split("\\|")) {
                if (!url.isBlank()) {
                    urls.add(url.strip());
                }
            }
        } else if (name.equals("shippingOptions")) {
            ArrayNode options = row.putArray(name);
            for (String option : cell.split("\\|")) {
                options.add(shippingOption(option.strip()));
            }
        } else {
            row.put(name, cell);
        }
    }

    /** {@code SERVICE:cost:days[:carrier]}; parts that are missing are left for the row's checks to name. */
    private static ObjectNode shippingOption(String text) {
        String[] parts = text.split(":", -1);
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("service", parts[0].strip());
        if (parts.length > 1 && !parts[1].isBlank()) {
            option.put("cost", parts[1].strip());
        }
        if (parts.length > 2 && !parts[2].isBlank()) {
            option.put("days", parts[2].strip());
        }
        if (parts.length > 3 && !parts[3].isBlank()) {
            option.put("carrier", parts[3].strip());
        }
        return option;
    }

    /** The row field a header names, or null for a column we do not know (feeds carry extra columns). */
    private static String field(String headerName) {
        String key = headerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return COLUMNS.get(key);
    }

    private static Map<String, String> columns() {
        List<String> fields = List.of("sku", "supplierSku", "title", "description", "imageUrls", "cost", "currency",
                "stock", "handlingDays", "shippingCost", "priority", "retailPrice", "shippingOptions",
                "lowStockThreshold", "hsCode", "countryOfOrigin");
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        fields.forEach(f -> entries.add(Map.entry(f.toLowerCase(Locale.ROOT), f)));
        // the names spreadsheets commonly give these columns
        entries.add(Map.entry("oursku", "sku"));
        entries.add(Map.entry("images", "imageUrls"));
        entries.add(Map.entry("costprice", "cost"));
        entries.add(Map.entry("stockonhand", "stock"));
        entries.add(Map.entry("hs", "hsCode"));
        entries.add(Map.entry("origin", "countryOfOrigin"));
        return Map.ofEntries(entries.toArray(Map.Entry[]::new));
    }

    @Override
    public void close() {
        csv.close();
    }
}
