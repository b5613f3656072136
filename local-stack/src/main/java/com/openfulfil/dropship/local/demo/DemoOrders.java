package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic mix of demo orders: in every 20, one asks for more silk scarves than there are
 * (rejected), five are partner resales, four span several suppliers, ten are single-supplier
 * storefront orders. External references carry a run id, so a second demo on the same data
 * creates new orders instead of finding the old ones.
 */
public final class DemoOrders {
    private static final List<Map<String, Object>> CUSTOMERS = List.of(
            customer("Ada Lovelace", "ada@example.com", "+442071234567", "en",
                    address("1 Example Street", "London", "N1 9GU", "GB")),
            customer("Nguyễn Văn An", "an@example.vn", "+84912345678", "vi",
                    address("12 Phố Huế", "Hà Nội", "100000", "VN")),
            customer("Camille Martin", "camille@example.fr", "+33612345678", "fr",
                    address("8 rue de la République", "Lyon", "69002", "FR")),
            customer("Li Wei", "li.wei@example.cn", "+8613812345678", "zh",
                    address("88 Shennan Road", "Shenzhen", "518000", "CN")));
    /** Partner prices above retail (R2.4: the partner keeps the difference). */
    private static final Map<DemoCatalog.Product, BigDecimal> PARTNER_PRICES = Map.of(
            DemoCatalog.MUG, new BigDecimal("15.00"),
            DemoCatalog.LAMP, new BigDecimal("45.00"),
            DemoCatalog.TOWEL, new BigDecimal("20.00"));

    private DemoOrders() {
    }

    public static List<PlannedOrder> plan(String runId, int count) {
        List<PlannedOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order(runId, i));
        }
        return orders;
    }

    static PlannedOrder order(String runId, int i) {
        String ref = "DEMO-" + runId + "-" + (i + 1);
        int slot = i % 20;
        if (slot == 0) {
            return planned(ref, PlannedOrder.Kind.SCARCE, List.of(new PlannedOrder.Line(DemoCatalog.SCARF, 4, null)), i,
                    OrderStatus.REJECTED);
        }
        if (slot <= 5) {
            return planned(ref, PlannedOrder.Kind.PARTNER, partnerLines(i), i, OrderStatus.COMPLETED);
        }
        if (slot <= 9) {
            return planned(ref, PlannedOrder.Kind.STOREFRONT_MULTI, multiLines(i), i, OrderStatus.COMPLETED);
        }
        DemoCatalog.Product product = DemoCatalog.EVERYDAY.get(i % DemoCatalog.EVERYDAY.size());
        return planned(ref, PlannedOrder.Kind.STOREFRONT_SINGLE,
                List.of(new PlannedOrder.Line(product, 1 + i % 3, null)), i, OrderStatus.COMPLETED);
    }

    private static List<PlannedOrder.Line> partnerLines(int i) {
        DemoCatalog.Product first = DemoCatalog.EVERYDAY.get(i % 3);
        List<PlannedOrder.Line> lines = new ArrayList<>();
        lines.add(new PlannedOrder.Line(first, 1 + i % 2, PARTNER_PRICES.get(first)));
        if (i % 4 == 0) {
            DemoCatalog.Product second = DemoCatalog.EVERYDAY.get((i + 1) % 3);
            lines.add(new PlannedOrder.Line(second, 1, PARTNER_PRICES.get(second)));
        }
        return lines;
    }

    private static List<PlannedOrder.Line> multiLines(int i) {
        List<PlannedOrder.Line> lines = new ArrayList<>();
        lines.add(new PlannedOrder.Line(DemoCatalog.MUG, 2, null));
        lines.add(new PlannedOrder.Line(DemoCatalog.LAMP, 1, null));
        if (i % 2 == 0) {
            lines.add(new PlannedOrder.Line(DemoCatalog.TOWEL, 3, null));
        }
        return lines;
    }

    private static PlannedOrder planned(String ref, PlannedOrder.Kind kind, List<PlannedOrder.Line> lines, int i,
                                        OrderStatus expected) {
        Map<String, Object> body = body(ref, lines, CUSTOMERS.get(i % CUSTOMERS.size()), i);
        // the demo's orders were paid at the simulated payment provider, so their refunds are paid back there
        body.put("paymentReference", "pi_demo" + ref.replaceAll("[^A-Za-z0-9]", ""));
        return new PlannedOrder(ref, kind, lines, body, expected);
    }

    /** The body of {@code POST /api/v1/orders} (README.md, "One order, end to end"). */
    public static Map<String, Object> body(String ref, List<PlannedOrder.Line> lines, Map<String, Object> customer,
                                           int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", ref);
        body.put("currency", "USD");
        body.put("customer", customer.get("customer"));
        body.put("shipTo", customer.get("shipTo"));
        body.put("lines", lines.stream().map(DemoOrders::line).toList());
        body.put("priority", i % 7 == 0 ? "EXPEDITED" : "STANDARD");
        body.put("paymentStatus", "PAID");
        body.put("requests", Map.of("giftWrap", i % 5 == 0, "invoice", true, "note", "Demo order " + ref));
        return body;
    }

    /** A customer and address for custom orders (e.g. the refused partner order of the tests). */
    public static Map<String, Object> customer(int i) {
        return CUSTOMERS.get(i % CUSTOMERS.size());
    }

    private static Map<String, Object> line(PlannedOrder.Line line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sku", line.product().sku());
        json.put("quantity", line.quantity());
        if (line.salePrice() != null) {
            json.put("salePrice", line.salePrice().toPlainString());
        }
        return json;
    }

    private static Map<String, Object> customer(String name, String email, String phone, String locale,
                                                Map<String, Object> shipTo) {
        return Map.of("customer", Map.of("name", name, "email", email, "phone", phone, "locale", locale),
                "shipTo", shipTo);
    }

    private static Map<String, Object> address(String line1, String city, String postalCode, String country) {
        return Map.of("line1", line1, "city", city, "postalCode", postalCode, "country", country);
    }
}
