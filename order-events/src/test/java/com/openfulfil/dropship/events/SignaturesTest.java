package com.openfulfil.dropship.events;

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
    void signsWithHmacSha256InLowerCaseHex() {
        // RFC 4231, test case 2
        assertThat(Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesShopifyStyleBase64() {
        String header = Base64.getEncoder().encodeToString(Signatures.hmacSha256("shpss", body));
        assertThat(Signatures.verifyBase64("shpss", body, header)).isTrue();
        assertThat(Signatures.verifyBase64("shpss", body, "not base64!")).isFalse();
    }
}
