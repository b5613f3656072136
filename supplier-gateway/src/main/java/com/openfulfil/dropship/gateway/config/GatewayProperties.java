package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.topics.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code dropship.gateway}: the retailer's branding printed on every parcel, and the suppliers
 * this gateway dispatches to. A supplier's id names its topics, so it must be topic-name safe;
 * a bad or repeated id stops the service at start rather than at the first order.
 */
@ConfigurationProperties("dropship.gateway")
public record GatewayProperties(@DefaultValue Branding branding, List<Supplier> suppliers) {

    public GatewayProperties {
        suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
        Set<String> seen = new HashSet<>();
        for (Supplier supplier : suppliers) {
            if (!Topics.isValidSupplierId(supplier.id())) {
                throw new IllegalArgumentException("dropship.gateway.suppliers: id '" + supplier.id()
                        + "' must be lower-case letters, digits and '-'");
            }
            if (!seen.add(supplier.id())) {
                throw new IllegalArgumentException("dropship.gateway.suppliers: id '" + supplier.id() + "' is repeated");
            }
        }
    }

    public Optional<Supplier> supplier(String id) {
        return suppliers.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Set<String> supplierIds() {
        return suppliers.stream().map(Supplier::id).collect(Collectors.toUnmodifiableSet());
    }

    public record Branding(@DefaultValue("") String brandName, @DefaultValue("true") boolean blindShipping,
                           @DefaultValue("") String insertCard) {
        public PackingInstructions packing() {
            return new PackingInstructions(blindShipping, brandName, insertCard);
        }
    }

    /**
     * @param transport how dispatches reach the supplier; only {@code kafka} (its dispatch topic) for now
     * @param secret    HMAC secret the supplier signs HTTP updates with; blank means it cannot use HTTP
     */
    public record Supplier(String id, String name, @DefaultValue("kafka") Transport transport, String secret) {
        public Optional<String> signingSecret() {
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret);
        }

        @Override
        public String toString() {
            // keeps the secret out of logs and actuator output
            return "Supplier[id=" + id + ", name=" + name + ", transport=" + transport + "]";
        }
    }

    public enum Transport {
        KAFKA
    }
}
