package com.openfulfil.dropship.local.sim;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTest {

    @Test
    void signsTheBodyWithHmacSha256InLowerCaseHex() {
        // RFC 4231, test case 2
        String signature = Hmac.signature("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anotherSecretGivesAnotherSignature() {
        byte[] body = "{\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Hmac.signature("cs_demo_carriers", body)).isNotEqualTo(Hmac.signature("cs_other", body));
    }
}
