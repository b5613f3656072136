package com.openfulfil.dropship.partner.connector;

import com.openfulfil.dropship.console.config.ServiceAddresses;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The services' public APIs as a partner uses them, always with that partner's own key: the
 * services decide what the partner may see and do, the pages only show it.
 */
@Component
public class PartnerServices {
    /** Commission-service lists at most this many of a partner's orders per call. */
    static final int COMMISSIONS_PAGE = 200;
    public static final int ORDERS_PAGE = 20;
    public static final int CATALOG_PAGE = 24;

    private final ServiceClient catalog;
    private final ServiceClient orders;
    private final ServiceClient commissions;

    public PartnerServices(ServiceAddresses properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.catalog = new ServiceClient("catalog-service", properties.service("catalog-service"), http);
        this.orders = new ServiceClient("order-service", properties.service("order-service"), http);
        this.commissions = new ServiceClient("commission-service", properties.service("commission-service"), http);
    }

    /** Who holds this key: 401 for a key that is not a partner's, 403 for a revoked partner. */
    public Commissions.Mine whoIs(String apiKey) {
        return commissions.get("/api/v1/partners/me/commissions?page=0&size=1", apiKey, Commissions.Mine.class);
    }

    /** The partner's commissions, newest first, with their balances per currency. */
    public Commissions.Mine commissions(String apiKey) {
        return commissions.get("/api/v1/partners/me/commissions?page=0&size=" + COMMISSIONS_PAGE, apiKey,
                Commissions.Mine.class);
    }

    /** One order's commission, once it is credited (on completion); empty before, or for an order not theirs. */
    public Optional<Commissions.OfOrder> commission(String apiKey, String orderId) {
        try {
            return Optional.of(commissions.get("/api/v1/orders/" + encode(orderId) + "/commission", apiKey,
                    Commissions.OfOrder.class));
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    public Catalog.Page search(String query, int page) {
        return catalog.get("/api/v1/products?q=" + encode(query) + "&page=" + page + "&size=" + CATALOG_PAGE, null,
                Catalog.Page.class);
    }

    public Catalog.Product product(String sku) {
        return catalog.get("/api/v1/products/" + encode(sku), null, Catalog.Product.class);
    }

    /** Places a partner order; {@code requestId} makes a repeated submission the same order. */
    public Orders.Placed place(String apiKey, String requestId, Map<String, Object> body) {
        return orders.post("/api/v1/partner-orders", apiKey, Map.of("Idempotency-Key", requestId), body,
                Orders.Placed.class);
    }

    public Orders.Page orders(String apiKey, int page) {
        return orders.get("/api/v1/orders?page=" + page + "&size=" + ORDERS_PAGE, apiKey, Orders.Page.class);
    }

    /** The order, if it is this partner's: order-service answers 404 for anyone else's. */
    public Orders.Detail order(String apiKey, String orderId) {
        return orders.get("/api/v1/orders/" + encode(orderId), apiKey, Orders.Detail.class);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
