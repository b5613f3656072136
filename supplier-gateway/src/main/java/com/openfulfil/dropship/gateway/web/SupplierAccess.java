package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who may read a supplier's scorecard and settlement: ops with the admin key ({@code X-Admin-Key}),
 * or the supplier itself. A supplier names itself in {@code X-Dropship-Supplier}, says when it signed
 * in {@code X-Dropship-Timestamp} (Unix seconds, at most five minutes off) and signs
 * {@code <METHOD>\n<path and query as sent>\n<timestamp>} with HMAC-SHA256 and its secret, in
 * {@code X-Dropship-Signature: sha256=<hex>} (the header its updates are signed in). Another
 * supplier's figures answer 404, as if that supplier did not exist.
 */
@Component
class SupplierAccess {
    static final String ADMIN_KEY = "X-Admin-Key";
    static final String SUPPLIER = "X-Dropship-Supplier";
    static final String TIMESTAMP = "X-Dropship-Timestamp";
    static final Duration SKEW = Duration.ofMinutes(5);

    private final GatewayProperties properties;
    private final Clock clock;

    SupplierAccess(GatewayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns when the caller may read {@code supplierId}'s figures; throws the problem to answer otherwise. */
    void check(String supplierId, HttpServletRequest request) {
        String adminKey = request.getHeader(ADMIN_KEY);
        if (adminKey != null) {
            requireOperator(adminKey);
        } else {
            String caller = signedSupplier(request);
            if (!caller.equals(supplierId)) {
                throw unknown(supplierId);
            }
        }
        properties.supplier(supplierId).orElseThrow(() -> unknown(supplierId));
    }

    /** Ops only: the admin key must match (compared in constant time); none configured lets nobody in. */
    void requireOperator(String key) {
        boolean allowed = properties.operatorKey().map(expected -> key != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))).orElse(false);
        if (!allowed) {
            throw ApiProblem.unauthorized("Missing or wrong " + ADMIN_KEY);
        }
    }

    /** The supplier whose signature the request carries. */
    private String signedSupplier(HttpServletRequest request) {
        String caller = request.getHeader(SUPPLIER);
        if (caller == null || caller.isBlank()) {
            throw ApiProblem.unauthorized("Send " + ADMIN_KEY + ", or sign as a supplier: " + SUPPLIER + ", "
                    + TIMESTAMP + " and " + Signatures.HEADER);
        }
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
