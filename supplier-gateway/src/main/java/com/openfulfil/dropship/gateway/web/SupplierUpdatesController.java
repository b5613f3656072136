package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Suppliers without Kafka report Accepted, Rejected, Shipped and cancellation answers here. The
 * update goes onto the supplier's own updates topic, so it is processed exactly like one sent over
 * Kafka. The signature is checked over the raw bytes, before anything is parsed; a body that is not
 * JSON ({@code Content-Type}) is refused with 415 before that.
 */
@RestController
class SupplierUpdatesController {
    private final GatewayProperties properties;
    private final EventPublisher publisher;

    SupplierUpdatesController(GatewayProperties properties, EventPublisher publisher) {
        this.properties = properties;
        this.publisher = publisher;
    }

    @PostMapping(path = "/api/v1/suppliers/{supplierId}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    UpdateAccepted update(@PathVariable String supplierId,
                          @RequestHeader(name = Signatures.HEADER, required = false) String signature,
                          @RequestBody(required = false) byte[] body) {
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
        publisher.publishAndWait(Topics.supplierUpdates(supplierId), update.orderId(), update);
        return new UpdateAccepted(true, update.eventId());
    }
}
