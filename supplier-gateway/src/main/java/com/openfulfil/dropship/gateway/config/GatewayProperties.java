package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.domain.ReturnTerms;
import com.openfulfil.dropship.gateway.domain.SlaTerms;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code dropship.gateway}: the retailer's branding printed on every parcel, and the suppliers
 * this gateway dispatches to. A supplier's id names its topics, so it must be topic-name safe;
 * a bad or repeated id stops the service at start rather than at the first order.
 *
 * @param adminKeySha256 SHA-256 (hex) of the key ops present in {@code X-Admin-Key}
 *                       ({@code DROPSHIP_GATEWAY_ADMIN_KEY_SHA256}); none: nobody has ops' rights
 * @param adminKey       the key in clear, as it was once configured: refused at start, so a deployment
 *                       that still sets it learns to configure the hash instead of silently locking ops out
 */
@ConfigurationProperties("dropship.gateway")
public record GatewayProperties(@DefaultValue Branding branding, List<Supplier> suppliers, String adminKeySha256,
                                String adminKey) {

    public GatewayProperties(Branding branding, List<Supplier> suppliers) {
        this(branding, suppliers, null, null);
    }

    @ConstructorBinding
    public GatewayProperties {
        if (adminKey != null && !adminKey.isBlank()) {
            throw new IllegalArgumentException("dropship.gateway.admin-key (DROPSHIP_GATEWAY_ADMIN_KEY) is no longer"
                    + " read: configure the key's SHA-256 as dropship.gateway.admin-key-sha256"
                    + " (DROPSHIP_GATEWAY_ADMIN_KEY_SHA256), e.g. printf '%s' \"$KEY\" | sha256sum");
        }
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
            if (supplier.transport() == Transport.HTTP && (supplier.http() == null || supplier.http().baseUrl() == null)) {
                throw new IllegalArgumentException("dropship.gateway.suppliers: '" + supplier.id()
                        + "' is an HTTP supplier and needs http.base-url");
            }
        }
    }

    public Optional<Supplier> supplier(String id) {
        return suppliers.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Set<String> supplierIds() {
        return suppliers.stream().map(Supplier::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Suppliers whose dispatches this gateway POSTs to their own API. */
    public List<Supplier> httpSuppliers() {
        return suppliers.stream().filter(s -> s.transport() == Transport.HTTP).toList();
    }

    public record Branding(@DefaultValue("") String brandName, @DefaultValue("true") boolean blindShipping,
                           @DefaultValue("") String insertCard) {
        public PackingInstructions packing() {
            return new PackingInstructions(blindShipping, brandName, insertCard);
        }
    }

    /**
     * @param transport how dispatches reach the supplier: {@code kafka} (it reads its dispatch topic) or
     *                  {@code http} (the gateway POSTs each dispatch to {@code http.base-url})
     * @param secret    HMAC secret the supplier signs HTTP updates with, and the gateway signs its POSTs
     *                  with; blank means it cannot use HTTP
     * @param country   ISO 3166-1 alpha-2 country it ships from: a dispatch to another country carries customs
     *                  data (R3.7); none configured, no customs data
     * @param returns   where customers send returns of what it shipped and what a return costs it (R5.2)
     */
    public record Supplier(String id, String name, @DefaultValue("kafka") Transport transport, String secret,
                           Http http, @DefaultValue Sla sla, String country, @DefaultValue Returns returns) {
        @ConstructorBinding
        public Supplier {
            sla = sla == null ? new Sla(null, null, null, null) : sla;
            returns = returns == null ? new Returns(null, null, null) : returns;
            if (country != null && !COUNTRIES.contains(country)) {
                throw new IllegalArgumentException("dropship.gateway.suppliers: '" + id + "' country '" + country
                        + "' is not an ISO 3166-1 alpha-2 code such as VN");
            }
        }

        public Supplier(String id, String name, Transport transport, String secret, Http http, Sla sla,
                        String country) {
            this(id, name, transport, secret, http, sla, country, null);
        }

        public Supplier(String id, String name, Transport transport, String secret, Http http, Sla sla) {
            this(id, name, transport, secret, http, sla, null);
        }

        public Supplier(String id, String name, Transport transport, String secret, Http http) {
            this(id, name, transport, secret, http, null);
        }

        public Supplier(String id, String name, Transport transport, String secret) {
            this(id, name, transport, secret, null);
        }

        public Optional<String> signingSecret() {
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret);
        }

        @Override
        public String toString() {
            // keeps the secret out of logs and actuator output
            return "Supplier[id=" + id + ", name=" + name + ", transport=" + transport + "]";
        }
    }

    /**
     * Where and how patiently an HTTP supplier is called. Retries, backoff, circuit breaker, rate limit
     * and bulkhead are resilience4j instances named {@code supplier-<id>} (see application.yml).
     *
     * @param baseUrl dispatches go to {@code <baseUrl>/dispatches}, cancellations to
     *                {@code <baseUrl>/dispatches/<dispatchId>/cancel}
     * @param timeout how long one call may take before it counts as failed and is retried
     */
    public record Http(URI baseUrl, @DefaultValue("10s") Duration timeout) {
    }

    /**
     * The supplier's service levels (R3.5).
     *
     * @param acceptWithin   how long after dispatch the supplier has to accept or refuse (default 24h)
     * @param shipWithin     how long after dispatch it has to ship (default 48h)
     * @param policy         {@code escalate} (ops alert) or {@code reroute} (cancel there, send to a backup)
     * @param penaltyPercent the agreement's penalty for a missed deadline, percent of the dispatch's value
     */
    public record Sla(Duration acceptWithin, Duration shipWithin, SlaTerms.Policy policy, BigDecimal penaltyPercent) {
        public Sla {
            acceptWithin = acceptWithin == null ? SlaTerms.DEFAULT.acceptWithin() : acceptWithin;
            shipWithin = shipWithin == null ? SlaTerms.DEFAULT.shipWithin() : shipWithin;
            policy = policy == null ? SlaTerms.DEFAULT.policy() : policy;
            penaltyPercent = penaltyPercent == null ? SlaTerms.DEFAULT.penaltyPercent() : penaltyPercent;
            if (acceptWithin.isNegative() || acceptWithin.isZero() || shipWithin.isNegative() || shipWithin.isZero()) {
                throw new IllegalArgumentException("dropship.gateway.suppliers[].sla: deadlines must be positive");
            }
            if (penaltyPercent.signum() < 0 || penaltyPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("dropship.gateway.suppliers[].sla.penalty-percent must be 0 to 100");
            }
        }

        public SlaTerms terms() {
            return new SlaTerms(acceptWithin, shipWithin, policy, penaltyPercent);
        }
    }

    /**
     * A supplier's returns (R5.2), e.g. {@code DROPSHIP_GATEWAY_SUPPLIERS_0_RETURNS_ADDRESS_CITY}
     * (an address field of two words drops its dash: {@code ..._ADDRESS_POSTALCODE}).
     *
     * @param name         whom the parcel is addressed to (default: the supplier's name)
     * @param address      where returned goods go; none: the customer is told the address will follow
     * @param shipping the flat return shipping a return costs the supplier when it pays for it, by ISO 4217
     *                 currency ({@code shipping.USD: 6.50}, {@code ..._RETURNS_SHIPPING_USD=6.50}); a currency
     *                 not listed charges nothing
     */
    public record Returns(String name, Address address, Map<String, BigDecimal> shipping) {
        public Returns {
            shipping = shipping == null ? Map.of() : shipping;
            shipping.forEach((currency, cost) -> {
                if (cost == null || cost.signum() < 0) {
                    throw new IllegalArgumentException("dropship.gateway.suppliers[].returns.shipping."
                            + currency + " must be zero or more");
                }
            });
            // an environment variable's key arrives in lower case (..._RETURNS_SHIPPING_USD binds "usd")
            shipping = shipping.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        }

        ReturnTerms terms(String supplierName) {
            return new ReturnTerms(name == null || name.isBlank() ? supplierName : name, address, shipping);
        }
    }

    /** Each configured supplier's returns, by id. */
    public Map<String, ReturnTerms> returnTerms() {
        return suppliers.stream().collect(Collectors.toUnmodifiableMap(Supplier::id,
                s -> s.returns().terms(s.name() == null ? s.id() : s.name())));
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The country each supplier ships from, for those that have one configured. */
    public Map<String, String> countries() {
        return suppliers.stream().filter(s -> s.country() != null)
                .collect(Collectors.toUnmodifiableMap(Supplier::id, Supplier::country));
    }

    /** Each configured supplier's service levels, by id. */
    public Map<String, SlaTerms> slaTerms() {
        return suppliers.stream().collect(Collectors.toUnmodifiableMap(Supplier::id, s -> s.sla().terms()));
    }

    public enum Transport {
        KAFKA, HTTP
    }
}
