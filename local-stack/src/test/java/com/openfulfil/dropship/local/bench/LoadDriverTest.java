package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDriverTest {

    @Test
    void readsTheOrderIdOfAnAnswerWithoutTheRest() {
        byte[] answer = ("{\"status\":\"PLACED\",\"links\":{\"orderId\":\"inner\"},\"orderId\":\"o-42\","
                + "\"lines\":[{\"sku\":\"SKU-00001\"}]}").getBytes(StandardCharsets.UTF_8);

        assertThat(LoadDriver.orderId(answer)).isEqualTo("o-42");
    }

    @Test
    void anAnswerWithoutAnOrderIdHasNone() {
        assertThat(LoadDriver.orderId("{\"orderId\":\"  \"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(LoadDriver.orderId("{\"status\":\"PLACED\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(LoadDriver.orderId("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(LoadDriver.orderId("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
