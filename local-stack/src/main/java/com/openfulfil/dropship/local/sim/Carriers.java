package com.openfulfil.dropship.local.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which carrier each demo supplier ships with, the tracking numbers that carrier hands out, and the
 * carriers that offer only a query API (the others post webhooks).
 */
public final class Carriers {
    /** Vietnam Post answers tracking queries and posts no webhooks: tracking-service polls it. */
    public static final Set<String> POLLED = Set.of("VNPOST");
    private static final Map<String, String> BY_SUPPLIER = Map.of(
            "shenzhen-gadgets", "SF",
            "hanoi-crafts", "VNPOST",
            "lyon-linen", "COLISSIMO");
    private static final Map<String, String> PREFIX = Map.of("SF", "SF", "VNPOST", "VN", "COLISSIMO", "CO");
    private static final String FALLBACK_CARRIER = "DHL";
    private static final BigInteger TWELVE_DIGITS = BigInteger.TEN.pow(12);

    private Carriers() {
    }

    /** Every demo carrier, in a stable order. */
    public static List<String> all() {
        return Stream.concat(BY_SUPPLIER.values().stream(), Stream.of(FALLBACK_CARRIER)).distinct().sorted().toList();
    }

    public static String carrierOf(String supplierId) {
        return BY_SUPPLIER.getOrDefault(supplierId, FALLBACK_CARRIER);
    }

    /**
     * The tracking number of a dispatch: the carrier's prefix and 12 digits taken from a hash of
     * the dispatch id, so a re-delivered dispatch (even after a restart) gets the same number.
     */
    public static String trackingNumber(String carrier, String dispatchId) {
        String prefix = PREFIX.getOrDefault(carrier, carrier.substring(0, Math.min(2, carrier.length())))
                .toUpperCase(Locale.ROOT);
        BigInteger digits = new BigInteger(1, sha256(dispatchId)).mod(TWELVE_DIGITS);
        return prefix + String.format("%012d", digits);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
