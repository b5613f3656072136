package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.SpecialRequests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open dispatches as a packing list: one row per item, with the ship-to address, the
 * customer's requests and the retailer's branding, for a warehouse that works from a spreadsheet.
 * The last three columns, {@code carrier}, {@code tracking_numbers} and {@code units_in_parcel}, are left
 * empty to be filled in: the same file can be uploaded back as the tracking upload ({@code units_in_parcel}
 * only where a line's units go in a parcel of their own, see {@link TrackingUpload}).
 */
public final class PackingList {
    public static final List<String> HEADER = List.of("dispatch_id", "order_id", "sent_at", "ship_by", "priority",
            "line_no", "supplier_sku", "sku", "title", "quantity", "ship_to_name", "ship_to_line1", "ship_to_line2",
            "ship_to_postal_code", "ship_to_city", "ship_to_region", "ship_to_country", "ship_to_phone",
            "gift_wrap", "invoice", "customer_note", "blind_shipping", "brand_name", "insert_card",
            "carrier", "tracking_numbers", "units_in_parcel");

    private PackingList() {
    }

    /** UTF-8 with a byte-order mark, CRLF line ends: what spreadsheets open without asking. */
    public static byte[] csv(List<PortalDispatch> dispatches, SlaTerms terms) {
        StringBuilder out = new StringBuilder(Csv.BOM).append(Csv.line(HEADER));
        for (PortalDispatch dispatch : dispatches) {
            if (dispatch.details() == null) {
                continue;
            }
            String shipBy = dispatch.sentAt() == null ? "" : dispatch.sentAt().plus(terms.shipWithin()).toString();
            for (DispatchItem item : dispatch.details().items()) {
                out.append(Csv.line(row(dispatch, item, shipBy)));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(PortalDispatch dispatch, DispatchItem item, String shipBy) {
        DispatchDetails d = dispatch.details();
        Address to = d.shipTo() == null ? new Address(null, null, null, null, null, null) : d.shipTo();
        Customer contact = d.contact() == null ? new Customer(null, null, null, null) : d.contact();
        SpecialRequests requests = d.requests();
        PackingInstructions packing = d.packing() == null ? new PackingInstructions(false, null, null) : d.packing();
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(dispatch.dispatchId());
        row.add(dispatch.orderId());
        row.add(text(dispatch.sentAt()));
        row.add(shipBy);
        row.add(d.priority().name());
        row.add(Integer.toString(item.lineNo()));
        row.add(item.supplierSku());
        row.add(item.sku());
        row.add(item.title());
        row.add(Integer.toString(item.quantity()));
        row.add(contact.name());
        row.add(to.line1());
        row.add(to.line2());
        row.add(to.postalCode());
        row.add(to.city());
        row.add(to.region());
        row.add(to.country());
        row.add(contact.phone());
        row.add(yesNo(requests.giftWrap()));
        row.add(yesNo(requests.invoice()));
        row.add(requests.note());
        row.add(yesNo(packing.blindShipping()));
        row.add(packing.brandName());
        row.add(packing.insertCard());
        row.add("");
        row.add("");
        row.add("");
        return row;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
