package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SustainRuleTest {
    private final SustainRule rule = SustainRule.DEFAULT;

    @Test
    void aStepThatKeptPaceWithSteadyLatencyIsSustained() {
        assertThat(rule.shortfalls(outcome(500, 497, 0, 900, 1100))).isEmpty();
    }

    @Test
    void completionsBelowNinetyFivePercentOfTheOfferedRateAreNotSustained() {
        SustainRule.StepOutcome behind = outcome(500, 470, 0, 900, 950);

        assertThat(rule.sustained(behind)).isFalse();
        assertThat(rule.shortfalls(behind)).singleElement().asString().contains("completed 470/s");
    }

    @Test
    void latencyThatGrowsThroughTheStepMeansABacklogEvenWhenTheRateLooksFine() {
        SustainRule.StepOutcome backlog = outcome(500, 490, 0, 900, 1500);

        assertThat(rule.shortfalls(backlog)).singleElement().asString()
                .contains("latency grew through the step (p50 900 ms → 1500 ms)");
    }

    @Test
    void latencyGrowthIsJudgedAgainstTheIdleLatencyOfThisMachineWithAFloor() {
        assertThat(rule.sustained(outcome(50, 50, 0, 8000, 11900))).isTrue();
        assertThat(rule.sustained(outcome(50, 50, 0, 8000, 12100))).isFalse();
        assertThat(rule.sustained(outcome(50, 50, 0, 100, 340))).isTrue();
        assertThat(rule.sustained(outcome(50, 50, 0, 100, 360))).isFalse();
    }

    @Test
    void ordersRefusedByTheApiBeyondAThousandthAreNotSustained() {
        assertThat(rule.sustained(outcome(500, 500, 15, 900, 900))).isTrue();
        assertThat(rule.shortfalls(outcome(500, 500, 16, 900, 900))).singleElement().asString()
                .isEqualTo("the API refused 16 of 15000 orders");
    }

    private static SustainRule.StepOutcome outcome(double offered, double completed, long refused, double firstP50,
                                                   double lastP50) {
        return new SustainRule.StepOutcome(offered, completed, (long) (offered * 30), refused, firstP50, lastP50);
    }
}
