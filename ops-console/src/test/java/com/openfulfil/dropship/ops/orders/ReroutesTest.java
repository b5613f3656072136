package com.openfulfil.dropship.ops.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReroutesTest {
    @Test
    void saysWhereEachPartGoes() {
        String answer = """
                {"orderId":"ord-1","moves":[
                  {"supplierId":"shenzhen-gadgets","to":[{"supplierId":"hanoi-crafts"},{"supplierId":"lyon-linen"}]},
                  {"supplierId":"hanoi-crafts","to":[{"supplierId":"lyon-linen"}]}]}
                """;
        assertThat(Reroutes.moves(answer))
                .isEqualTo("shenzhen-gadgets \u2192 hanoi-crafts, lyon-linen; hanoi-crafts \u2192 lyon-linen");
    }

    @Test
    void anAnswerWithoutMovesSaysNothingMoves() {
        assertThat(Reroutes.moves("{\"orderId\":\"ord-1\"}")).isEmpty();
    }
}
