package com.openfulfil.dropship.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 signatures over a request's raw body: part of the contract suppliers and carriers
 * implement. Suppliers and carriers sign with
 * {@code X-Dropship-Signature: sha256=<hex>}; Shopify signs with base64 in its own header.
 * Comparison is constant-time so a caller cannot guess a signature byte by byte.
 */
public final class Signatures {
    public static final String HEADER = "X-Dropship-Signature";
    private static final String PREFIX = "sha256=";

    private Signatures() {
    }

    public static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The value of {@link #HEADER} for a body: {@code sha256=<lower-case hex>}. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    /** True when {@code header} is {@code sha256=<hex>} of the body under {@code secret}. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (secret == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(secret, body), given);
    }

    /** True when {@code header} is the base64 HMAC-SHA256 of the body (Shopify's scheme). */
    public static boolean verifyBase64(String secret, byte[] body, String header) {
        if (secret == null || header == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(secret, body), given);
    }
}
