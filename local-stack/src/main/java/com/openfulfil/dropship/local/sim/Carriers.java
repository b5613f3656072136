package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.model.Carrier;

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
 * carriers that offer only a query API (the others post webhooks). The carriers themselves are the
 * contract's ({@link Carrier}); only the demo's choice among them is kept here.
 */
public final class Carriers {
    /** Vietnam Post answers tracking queries and posts no webhooks: tracking-service polls it. */
    public static final Set<String> POLLED = Set.of(Carrier.VNPOST.code());
    private static final Map<String, Carrier> BY_SUPPLIER = Map.of(
            "shenzhen-gadgets", Carrier.SF,
            "hanoi-crafts", Carrier.VNPOST,
            "lyon-linen", Carrier.COLISSIMO);
    /** How the demo's tracking numbers start; another carrier's start with the first two letters of its code. */
    private static final Map<Carrier, String> PREFIX = Map.of(Carrier.SF, "SF", Carrier.VNPOST, "VN",
            Carrier.COLISSIMO, "CO");
    private static final Carrier FALLBACK_CARRIER = Carrier.DHL;
    private static final BigInteger TWELVE_DIGITS = BigInteger.TEN.pow(12);

    private Carriers() {
    }

    /** Every demo carrier, in a stable order. */
    public static List<String> all() {
        return Stream.concat(BY_SUPPLIER.values().stream(), Stream.of(FALLBACK_CARRIER)).map(Carrier::code)
                .distinct().sorted().toList();
    }

    public static String carrierOf(String supplierId) {
        return BY_SUPPLIER.getOrDefault(supplierId, FALLBACK_CARRIER).code();
    }

    /**
     * The tracking number of a dispatch: the carrier's prefix and 12 digits taken from a hash of
     * the dispatch id, so a re-delivered dispatch (even after a restart) gets the same number.
     */
    public static String trackingNumber(String carrier, String dispatchId) {
        String prefix = Carrier.find(carrier).map(PREFIX::get)
                .orElse(carrier.substring(0, Math.min(2, carrier.length())).toUpperCase(Locale.ROOT));
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
