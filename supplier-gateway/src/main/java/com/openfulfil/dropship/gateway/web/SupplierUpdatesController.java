package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.gateway.domain.OrderDispatches;
import com.openfulfil.dropship.gateway.domain.Shipment;
import com.openfulfil.dropship.gateway.stream.DispatchTopology;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * Suppliers without Kafka report Accepted, Rejected, Shipped and cancellation answers here. The
 * update goes onto the supplier's own updates topic, so it is processed exactly like one sent over
 * Kafka. The signature is checked over the raw bytes, before anything is parsed; a body that is not
 * JSON ({@code Content-Type}) is refused with 415 before that. A shipment is checked against its
 * dispatch first, so a supplier hears at once (422, each bad item named) when it ships an item the
 * dispatch does not have or more units than are left; the instance holding the order checks it, so
 * with several instances the request is passed on to that one.
 */
@RestController
class SupplierUpdatesController {
    private final GatewayProperties properties;
    private final EventPublisher publisher;
    private final StoreQueries stores;
    private final Instances instances;
    private final InstanceCalls calls;

    SupplierUpdatesController(GatewayProperties properties, EventPublisher publisher, StoreQueries stores,
                              Instances instances, InstanceCalls calls) {
        this.properties = properties;
        this.publisher = publisher;
        this.stores = stores;
        this.instances = instances;
        this.calls = calls;
    }

    @PostMapping(path = "/api/v1/suppliers/{supplierId}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@PathVariable String supplierId,
                             @RequestHeader(name = Signatures.HEADER, required = false) String signature,
                             @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        GatewayProperties.Supplier supplier = properties.supplier(supplierId)
                .orElseThrow(() -> ApiProblem.notFound("No supplier " + supplierId + " is configured"));
        byte[] raw = body == null ? new byte[0] : body;
        boolean signed = supplier.signingSecret().map(secret -> Signatures.verify(secret, raw, signature)).orElse(false);
        if (!signed) {
            throw ApiProblem.unauthorized("Missing or invalid " + Signatures.HEADER
                    + ": sign the raw body with HMAC-SHA256 and your supplier secret (sha256=<hex>)");
        }
        SupplierUpdate update = SupplierUpdateReader.read(raw);
        if (!update.supplierId().equals(supplierId)) {
            throw ApiProblem.unprocessable("supplier-mismatch", "The update names another supplier",
                    "supplierId in the body is " + update.supplierId() + " but the path is " + supplierId,
                    List.of(FieldProblem.of("supplierId", "must be " + supplierId)));
        }
        if (update instanceof DispatchShipped shipped) {
            Optional<HostInfo> holder = InstanceCalls.isPassedOn(request) ? Optional.empty()
                    : instances.ownerOf(DispatchTopology.STORE, shipped.orderId());
            if (holder.isPresent()) {
                return relay(calls.passOn(holder.get(), request, raw));
            }
            check(shipped);
        }
        publisher.publishAndWait(Topics.supplierUpdates(supplierId), update.orderId(), update);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new UpdateAccepted(true, update.eventId()));
    }

    /** The shipment against the order's dispatches as this instance holds them; an unknown order is the stream's to ignore. */
    private void check(DispatchShipped shipped) {
        Optional<Shipment> refused = stores.<OrderDispatches>get(DispatchTopology.STORE, shipped.orderId())
                .flatMap(order -> order.refusal(shipped));
        if (refused.isPresent()) {
            throw ApiProblem.unprocessable("shipment-refused", "The shipment does not match the dispatch",
                    refused.get().reason(shipped), refused.get().problems().stream()
                            .map(p -> FieldProblem.of(p.field(), p.reason())).toList());
        }
    }

    private static ResponseEntity<byte[]> relay(InstanceCalls.Answer answer) {
        HttpHeaders headers = new HttpHeaders();
        // the other instance's HTTP client names headers in lower case
        answer.headers().getOrDefault("content-type", List.of()).forEach(v -> headers.add(HttpHeaders.CONTENT_TYPE, v));
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
