package com.openfulfil.dropship.commission.domain;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals partners' payout details at rest: AES-256-GCM with a fresh 96-bit nonce per write, the
 * partner's id as associated data (sealed details moved to another partner do not open). New details
 * are sealed with the current key; keys retired by a rotation still open what they sealed. A key is
 * named by the first 8 hex digits of its SHA-256, so the topic says which key to use without
 * revealing it.
 */
public final class PayoutDetailsCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param currentKey Base64 of 32 random bytes; {@code previousKeys} likewise, for details sealed before a rotation */
    public PayoutDetailsCipher(String currentKey, List<String> previousKeys) {
        this.currentKeyId = add(currentKey, "the payout details key");
        previousKeys.forEach(k -> add(k, "a previous payout details key"));
    }

    public record Sealed(String keyId, String sealed) {
    }

    public Sealed seal(String partnerId, String details) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] text = crypt(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, partnerId,
                details.getBytes(StandardCharsets.UTF_8));
        return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + text.length).put(nonce).put(text).array()));
    }

    /** @throws UnreadableException when the key is unknown here or the sealed bytes were not sealed for this partner */
    public String open(String partnerId, String keyId, String sealed) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableException("sealed with key " + keyId + ", which is not configured");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("not Base64");
        }
        if (all.length <= NONCE_BYTES) {
            throw new UnreadableException("too short");
        }
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        byte[] text = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, partnerId, text), StandardCharsets.UTF_8);
    }

    private String add(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not Base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(what + " must be " + KEY_BYTES + " bytes (Base64 of 32 random bytes: "
                    + "openssl rand -base64 32), was " + key.length);
        }
        String id = keyIdOf(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    static String keyIdOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String partnerId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(partnerId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a failed tag check: tampered, or sealed for another partner
            throw new UnreadableException("the integrity check failed");
        }
    }

    /** Sealed payout details that cannot be opened here; the message never holds the details. */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String reason) {
            super("Payout details cannot be opened: " + reason);
        }
    }
}
