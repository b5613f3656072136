package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.security.CallerResolver;
import com.openfulfil.dropship.support.security.PublicRoutes;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who calls the gateway: ops with the admin key ({@code X-Admin-Key}, configured as its SHA-256), or a
 * supplier reading its own figures. A supplier names itself in {@code X-Dropship-Supplier}, says when
 * it signed in {@code X-Dropship-Timestamp} (Unix seconds, at most five minutes off) and signs
 * {@code <METHOD>\n<path and query as sent>\n<timestamp>} with HMAC-SHA256 and its secret, in
 * {@code X-Dropship-Signature: sha256=<hex>} (the header its updates are signed in). Another
 * supplier's figures answer 404, as if that supplier did not exist. Public: the suppliers' updates,
 * each signed over its body, which the update's controller checks, and the API's documentation.
 */
@Component
class SupplierAccess implements CallerResolver {
    static final String ADMIN_KEY = "X-Admin-Key";
    static final String SUPPLIER = "X-Dropship-Supplier";
    static final String TIMESTAMP = "X-Dropship-Timestamp";
    static final String SUPPLIER_ROLE = "SUPPLIER";
    static final Duration SKEW = Duration.ofMinutes(5);

    private final GatewayProperties properties;
    private final Clock clock;

    SupplierAccess(GatewayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics().apiDocs().post("/api/v1/suppliers/{supplierId}/updates");
    }

    /**
     * Ops, by the admin key (compared by hash; none configured lets nobody in), or a supplier by its
     * signature. Suppliers sign reads this way; what they post is signed over its body, so on a
     * POST the supplier headers are no credentials.
     */
    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        String adminKey = request.getHeader(ADMIN_KEY);
        if (adminKey != null && !adminKey.isBlank()) {
            if (!ApiKeys.matches(adminKey, properties.adminKeySha256())) {
                throw ApiProblem.unauthorized("Missing or wrong " + ADMIN_KEY);
            }
            return Optional.of(Caller.admin());
        }
        String supplier = request.getHeader(SUPPLIER);
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (supplier == null || supplier.isBlank() || !read) {
            return Optional.empty();
        }
        return Optional.of(new Caller(SUPPLIER_ROLE, signedSupplier(supplier, request)));
    }

    @Override
    public String credentialsHint() {
        return "Send " + ADMIN_KEY + ", or sign as a supplier: " + SUPPLIER + ", " + TIMESTAMP + " and "
                + Signatures.HEADER;
    }

    /** Returns when the caller may read {@code supplierId}'s figures; throws the problem to answer otherwise. */
    void check(String supplierId, Caller caller) {
        if (!caller.isAdmin() && !caller.is(SUPPLIER_ROLE, supplierId)) {
            throw unknown(supplierId);
        }
        properties.supplier(supplierId).orElseThrow(() -> unknown(supplierId));
    }

    /** Ops only. */
    static void requireOperator(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only ops, with " + ADMIN_KEY + ", may do this.");
        }
    }

    /** The supplier whose signature the request carries. */
    private String signedSupplier(String caller, HttpServletRequest request) {
        long signedAt = timestamp(request.getHeader(TIMESTAMP));
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochSecond(signedAt), now).abs().compareTo(SKEW) > 0) {
            throw ApiProblem.unauthorized(TIMESTAMP + " is more than " + SKEW.toMinutes()
                    + " minutes from now (" + now.getEpochSecond() + "); sign again");
        }
        byte[] signed = canonical(request.getMethod(), pathAndQuery(request), request.getHeader(TIMESTAMP));
        boolean valid = properties.supplier(caller).flatMap(GatewayProperties.Supplier::signingSecret)
                .map(secret -> Signatures.verify(secret, signed, request.getHeader(Signatures.HEADER))).orElse(false);
        if (!valid) {
            throw ApiProblem.unauthorized("Missing or invalid " + Signatures.HEADER + ": sign \"<METHOD>\\n<path and"
                    + " query>\\n<timestamp>\" with HMAC-SHA256 and your supplier secret (sha256=<hex>)");
        }
        return caller;
    }

    private static long timestamp(String header) {
        try {
            return Long.parseLong(header == null ? "" : header.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(List.of(FieldProblem.of(TIMESTAMP, "must be the time of signing in Unix seconds")));
        }
    }

    static byte[] canonical(String method, String pathAndQuery, String timestamp) {
        return (method + "\n" + pathAndQuery + "\n" + timestamp).getBytes(StandardCharsets.UTF_8);
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static ApiProblem unknown(String supplierId) {
        return ApiProblem.notFound("No supplier " + supplierId + " is configured");
    }
}
