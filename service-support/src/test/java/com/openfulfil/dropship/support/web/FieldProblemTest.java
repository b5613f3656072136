package com.openfulfil.dropship.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldProblemTest {
    @Test
    void pointsIntoTheBody() {
        assertThat(FieldProblem.of("lines[0].quantity", "must be at least 1").pointer()).isEqualTo("#/lines/0/quantity");
        assertThat(FieldProblem.of("shipTo.country", "unknown").pointer()).isEqualTo("#/shipTo/country");
        assertThat(FieldProblem.of("", "bad body").pointer()).isEqualTo("#");
    }
}
