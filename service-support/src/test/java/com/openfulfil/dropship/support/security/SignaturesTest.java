package com.openfulfil.dropship.support.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {
    private final byte[] body = "{\"trackingNumber\":\"SF1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsItsOwnSignatureAndRefusesAnyChange() {
        String header = Signatures.sign("secret", body);
        assertThat(header).startsWith("sha256=");
        assertThat(Signatures.verify("secret", body, header)).isTrue();
        assertThat(Signatures.verify("other", body, header)).isFalse();
        assertThat(Signatures.verify("secret", "{}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(Signatures.verify("secret", body, "sha256=zz")).isFalse();
        assertThat(Signatures.verify("secret", body, null)).isFalse();
    }

    @Test
    void verifiesShopifyStyleBase64() {
        String header = Base64.getEncoder().encodeToString(Signatures.hmacSha256("shpss", body));
        assertThat(Signatures.verifyBase64("shpss", body, header)).isTrue();
        assertThat(Signatures.verifyBase64("shpss", body, "not base64!")).isFalse();
    }

    @Test
    void apiKeysAreComparedByHash() {
        String key = ApiKeys.generate("pk_");
        assertThat(key).startsWith("pk_").hasSize(67);
        assertThat(ApiKeys.matches(key, ApiKeys.sha256Hex(key))).isTrue();
        assertThat(ApiKeys.matches(key + "x", ApiKeys.sha256Hex(key))).isFalse();
        assertThat(ApiKeys.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
