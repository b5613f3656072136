package com.openfulfil.dropship.supplierportal.config;

import com.openfulfil.dropship.events.model.Carrier;
import com.openfulfil.dropship.supplierportal.domain.SlaTerms;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The supplier portal's settings ({@code DROPSHIP_OPS_SUPPLIER_PORTAL_...}).
 *
 * @param suppliers       the suppliers the portal answers for, each with the HMAC secret it signs its
 *                        updates with (the same secret supplier-gateway has for it) and its deadlines
 * @param users           who may sign in, each for one supplier; passwords only as bcrypt hashes
 * @param carriers        which of the carriers we support ({@link Carrier}) a parcel may be shipped with, by
 *                        code or other id; unset or empty: every one. An unknown carrier is refused at startup.
 *
 * supplier-gateway's admin key and timeout ({@code ..._GATEWAY_ADMIN_KEY}, {@code ..._GATEWAY_TIMEOUT}) are
 * console-common's {@code GatewayAccess}: the ops console uses them too.
 */
@ConfigurationProperties("dropship.ops.supplier-portal")
public record SupplierPortalProperties(@DefaultValue List<Supplier> suppliers, @DefaultValue List<User> users,
                                       List<String> carriers) {

    public SupplierPortalProperties {
        carriers = offered(carriers);
    }

    /** The carriers' codes, in the contract's spelling (another id such as {@code LAPOSTE} becomes its code). */
    private static List<String> offered(List<String> configured) {
        if (configured == null || configured.isEmpty()) {
            return Arrays.stream(Carrier.values()).map(Carrier::code).toList();
        }
        return configured.stream().map(id -> Carrier.require(id, "dropship.ops.supplier-portal.carriers").code())
                .distinct().toList();
    }

    /**
     * @param name   shown on the pages
     * @param secret the HMAC secret the supplier signs updates with ({@code SUPPLIER_SECRET_<ID>} at the gateway)
     */
    public record Supplier(String id, String name, String secret, @DefaultValue Sla sla) {
        public String displayName() {
            return name == null || name.isBlank() ? id : name;
        }
    }

    /** Answer within {@code acceptWithin}, ship within {@code shipWithin} of the dispatch (R3.5). */
    public record Sla(@DefaultValue("24h") Duration acceptWithin, @DefaultValue("48h") Duration shipWithin) {
        public SlaTerms terms() {
            return new SlaTerms(acceptWithin, shipWithin);
        }
    }

    /** @param passwordBcrypt the bcrypt hash of the password ({@code $2a$...}) */
    public record User(String name, String passwordBcrypt, String supplierId) {
    }

    public Optional<Supplier> supplier(String id) {
        return suppliers.stream().filter(s -> s.id() != null && s.id().equals(id)).findFirst();
    }

    public boolean serves(String supplierId) {
        return supplier(supplierId).isPresent();
    }

    public Set<String> carrierCodes() {
        return new TreeSet<>(carriers);
    }
}
