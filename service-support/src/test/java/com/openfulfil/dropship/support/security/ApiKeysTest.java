package com.openfulfil.dropship.support.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {
    @Test
    void apiKeysAreComparedByHash() {
        String key = ApiKeys.generate("pk_");
        assertThat(key).startsWith("pk_").hasSize(67);
        assertThat(ApiKeys.matches(key, ApiKeys.sha256Hex(key))).isTrue();
        assertThat(ApiKeys.matches(key + "x", ApiKeys.sha256Hex(key))).isFalse();
        assertThat(ApiKeys.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
