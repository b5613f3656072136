package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.ops.config.OpsProperties;
import com.openfulfil.dropship.ops.orders.OrderDetail;
import com.openfulfil.dropship.ops.orders.OrderReader;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

/**
 * One order as order-service has it now, for ops handling after-sales: its lines and their units, its parcels,
 * return authorisations, refunds and history, and the actions order-service allows on it now (posted to the
 * stuck-orders page's actions, which come back here). An order order-service does not know is a "no such
 * order" page (404); order-service unreachable is a page that says so (503), never a stack trace.
 */
@Controller
class OrderPage {
    static final String PAGE = "order";
    private static final Logger log = LoggerFactory.getLogger(OrderPage.class);

    private final OrderReader orders;
    private final OpsProperties properties;

    OrderPage(OrderReader orders, OpsProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    /** The header's search box: to the order with that id. */
    @GetMapping("/orders")
    String find(@RequestParam(defaultValue = "") String id) {
        String orderId = id.strip();
        return orderId.isEmpty() ? "redirect:/stuck-orders" : "redirect:" + address(orderId);
    }

    @GetMapping("/orders/{orderId}")
    String order(@PathVariable String orderId, Model model, HttpServletResponse response) {
        model.addAttribute("page", PAGE);
        model.addAttribute("orderId", orderId);
        Optional<OrderDetail> order;
        try {
            order = orders.order(orderId);
        } catch (OrderReader.Unavailable | OrderReader.Refused e) {
            log.warn("The order page of {} could not be served: {}", orderId, e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("reason", e.getMessage());
            return "order-unavailable";
        }
        if (order.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "order-not-found";
        }
        model.addAttribute("order", order.get());
        model.addAttribute("trackingPage", properties.trackingPageUrl());
        return "order";
    }

    /** The order page's address, its id one encoded path segment. */
    static String address(String orderId) {
        return UriComponentsBuilder.fromPath("/orders/{id}").encode().buildAndExpand(orderId).toUriString();
    }
}
