package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.events.supplier.DispatchRequested;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Dispatches for the portal's tests: a Vietnamese customer's two-item parcel for lyon-linen. */
final class Dispatches {
    static final Instant SENT = Instant.parse("2026-11-02T09:15:00Z");
    static final String SUPPLIER = "lyon-linen";

    private Dispatches() {
    }

    static DispatchRequested requested(String dispatchId) {
        return new DispatchRequested("evt-" + dispatchId, SENT, "ord-" + dispatchId, dispatchId, SUPPLIER,
                List.of(new DispatchItem(1, "TOWEL-020", "LL-TT-01", "Linen tea towel, \"natural\"", 2, new BigDecimal("6.50")),
                        new DispatchItem(2, "NAPKIN-021", "LL-NP-04", "Napkins, set of 4", 1, new BigDecimal("9.20"))),
                new Address("12 Phố Hàng Bạc", "Tầng 3, phòng 301", "Hà Nội", null, "100000", "VN"),
                new Customer("Nguyễn Thị Lan", "lan@example.vn", "+84 24 3825 1234", "vi"),
                Priority.EXPEDITED, new SpecialRequests(true, false, "Giao giờ hành chính, gọi trước"),
                new PackingInstructions(true, "Acme Home", "=Thank you, from Acme Home"));
    }

    static PortalDispatch newDispatch(String dispatchId) {
        return PortalDispatch.sent(SUPPLIER, dispatchId, "ord-" + dispatchId, SENT).withRequest(requested(dispatchId));
    }
}
