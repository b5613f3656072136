package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.config.PartnerAccount;
import com.openfulfil.dropship.partner.connector.Commissions;
import com.openfulfil.dropship.partner.connector.Orders;
import com.openfulfil.dropship.partner.connector.PartnerServices;
import com.openfulfil.dropship.partner.connector.ServiceProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The partner's orders (R6.3) with "View commission" on each, and one order with its commission,
 * taxes and fees itemised (R2.4, R6.2). Only ever the partner's own: the services answer 404 for
 * any other order, and so does this app.
 */
@Controller
class OrderPages {
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** States in which an order's commission has been credited (and may since have been clawed back). */
    private static final Set<String> CREDITED = Set.of("COMPLETED", "RETURN_REQUESTED", "RETURNED", "REFUNDED",
            "RESHIPPED");

    private final PartnerServices services;

    OrderPages(PartnerServices services) {
        this.services = services;
    }

    @GetMapping("/partner/orders")
    String orders(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal PartnerAccount partner,
                  Model model) {
        Orders.Page orders = services.orders(partner.apiKey(), Math.max(page, 0));
        Commissions.Mine mine = services.commissions(partner.apiKey());
        Map<String, Commissions.OfOrder> commissions = new HashMap<>(mine.items().stream()
                .collect(Collectors.toMap(Commissions.OfOrder::orderId, Function.identity(), (a, b) -> a)));
        // older than the newest commissions listed: asked for one by one
        orders.items().stream().filter(o -> CREDITED.contains(o.status()) && !commissions.containsKey(o.orderId()))
                .forEach(o -> services.commission(partner.apiKey(), o.orderId())
                        .ifPresent(c -> commissions.put(o.orderId(), c)));
        model.addAttribute("orders", orders);
        model.addAttribute("pages", (orders.total() + PartnerServices.ORDERS_PAGE - 1) / PartnerServices.ORDERS_PAGE);
        model.addAttribute("commissions", commissions);
        model.addAttribute("partnerName", mine.partnerName());
        model.addAttribute("balances", mine.balances());
        return "partner/orders";
    }

    @GetMapping("/partner/orders/{orderId}")
    String order(@PathVariable String orderId, @AuthenticationPrincipal PartnerAccount partner, Model model) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new ServiceProblem(404, new ServiceProblem.Problem("/problems/not-found", "Not found", null, List.of()));
        }
        Orders.Detail order = services.order(partner.apiKey(), orderId);
        model.addAttribute("order", order);
        model.addAttribute("commission", services.commission(partner.apiKey(), orderId).orElse(null));
        return "partner/order";
    }
}
