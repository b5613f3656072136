package com.openfulfil.dropship.local.sim;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** The {@code X-Dropship-Signature} scheme carriers and suppliers sign webhooks with. */
public final class Hmac {
    public static final String HEADER = "X-Dropship-Signature";

    private Hmac() {
    }

    /** {@code sha256=<lower-case hex HMAC-SHA256 of body>}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
