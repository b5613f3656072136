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
        if (key == null || expectedSha256Hex == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256Hex(key).getBytes(StandardCharsets.US_ASCII),
                expectedSha256Hex.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    /** A new key: {@code prefix} followed by 32 random bytes in hex. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
