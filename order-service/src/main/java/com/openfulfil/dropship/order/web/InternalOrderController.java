package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.serde.Json;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the instances of order-service read each other's orders: from this instance's own
 * partitions only, and only for a caller holding the instances' shared secret (anyone else: 401,
 * from {@link SecurityConfig}; the check here stays as a second lock).
 */
@Hidden
@RestController
class InternalOrderController {
    private final OrderReader reader;

    InternalOrderController(OrderReader reader) {
        this.reader = reader;
    }

    @GetMapping("/internal/v1/orders/{orderId}")
    ResponseEntity<byte[]> one(@RequestHeader(value = OrderReader.INTERNAL_HEADER, required = false) String secret,
                               @PathVariable String orderId) {
        if (!reader.acceptsInternal(secret)) {
            return ResponseEntity.notFound().build();
        }
        return reader.findLocal(orderId)
                .map(order -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OrderReader.write(order)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/internal/v1/orders")
    ResponseEntity<byte[]> share(@RequestHeader(value = OrderReader.INTERNAL_HEADER, required = false) String secret,
                                 @RequestParam Caller.Kind ownerKind, @RequestParam String ownerId,
                                 @RequestParam(defaultValue = "") String status, @RequestParam int limit) {
        if (!reader.acceptsInternal(secret)) {
            return ResponseEntity.notFound().build();
        }
        OrderQuery query = new OrderQuery(ownerKind, ownerId, Arrays.stream(status.split(",")).filter(s -> !s.isBlank())
                .map(OrderStatus::valueOf).collect(Collectors.toSet()), limit);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Json.mapper().writeValueAsBytes(reader.listLocal(query)));
    }
}
