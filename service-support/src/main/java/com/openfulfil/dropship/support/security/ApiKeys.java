package com.openfulfil.dropship.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys are shown to their owner once and stored only as SHA-256 hashes (hex). A key is long
 * and random, so a plain hash is enough: there is nothing to brute-force.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** True when {@code key} hashes to {@code expectedSha256Hex}, compared in constant time. */
    public static boolean matches(String key, String expectedSha256Hex) {
        return key != null && Presented.of(key).matches(expectedSha256Hex);
    }

    /**
     * A key as presented with a request, hashed once: a caller checked against several configured
     * keys (the admin's, each storefront's) costs one hash, not one per key.
     */
    public static final class Presented {
        private final byte[] sha256Hex;

        private Presented(String key) {
            this.sha256Hex = sha256Hex(key).getBytes(StandardCharsets.US_ASCII);
        }

        public static Presented of(String key) {
            return new Presented(key);
        }

        /** Compared in constant time. */
        public boolean matches(String expectedSha256Hex) {
            return expectedSha256Hex != null && MessageDigest.isEqual(sha256Hex,
                    expectedSha256Hex.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A new key: {@code prefix} followed by 32 random bytes in hex. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
