package com.openfulfil.dropship.supplierportal.connector;

import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A supplier's answers, sent to supplier-gateway's supplier API on the supplier's behalf:
 * {@code POST /api/v1/suppliers/{id}/updates} signed with the supplier's secret exactly as a supplier
 * with its own system signs them. The gateway's refusal is {@link GatewayClient.Refused}; no answer is
 * {@link GatewayClient.Unavailable}.
 */
@Component
public class SupplierUpdates {
    private final GatewayClient gateway;
    private final SupplierPortalProperties properties;

    public SupplierUpdates(GatewayClient gateway, SupplierPortalProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    /** The body as sent and its signature header: {@code sha256=<hex HMAC-SHA256 of the body>}. */
    public record Signed(byte[] body, String signature) {
    }

    public static Signed sign(SupplierUpdate update, String secret) {
        byte[] body = Json.mapper().writerFor(Event.class).writeValueAsBytes(update);
        return new Signed(body, Signatures.sign(secret, body));
    }

    public void send(SupplierUpdate update) {
        String secret = properties.supplier(update.supplierId()).map(SupplierPortalProperties.Supplier::secret)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("No secret for supplier " + update.supplierId()
                        + ": set dropship.ops.supplier-portal.suppliers[].secret"));
        Signed signed = sign(update, secret);
        gateway.post("/api/v1/suppliers/" + update.supplierId() + "/updates", signed.body(),
                Map.of(Signatures.HEADER, signed.signature()));
    }
}
