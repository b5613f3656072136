package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.SharedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against the whole running pipeline (the {@link SharedStack}: the broker, the
 * five services and the ops console as processes, the simulated suppliers and carriers;
 * lyon-linen's dispatches wait for a person in the supplier portal, and nobody answers the
 * suite's): one tenant on another's orders, commission, payout details and dispatches; one app's
 * sign-in on another's pages; fields nobody may set; oversized and deeply nested bodies; wrong
 * content types; script in what people type; cross-site form posts; replayed and tampered
 * webhooks. Each attack is a named test that checks the refusal and that nothing it aimed at
 * changed (counted and compared on the suite's own orders and partners, as others share the
 * stack). The suite prints how many it tried and how many got in (must be none), by category: the
 * table of docs/security.md, "Hostile requests".
 */
@ExtendWith(SharedStack.class)
class HostileRequestsIT {
    private static final Tally TALLY = new Tally();
    private static LocalStack stack;
    private static Targets targets;

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    static void placeTheTargets(LocalStack shared) {
        stack = shared;
        targets = new Targets(stack);
        targets.prepare();
    }

    @AfterAll
    static void printTheTable() {
        System.out.println("\nHostile requests: tried " + TALLY.tried() + ", got in " + TALLY.gotIn().size() + "\n\n"
                + TALLY.table() + "\n" + TALLY.breaches());
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedAndChangesNothing() {
        InputAttacks inputs = new InputAttacks(targets);
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(new TenantAttacks(targets).attacks());
        attacks.addAll(inputs.attacks());
        attacks.addAll(new WebhookAttacks(targets, inputs).attacks());
        attacks.addAll(new PageAttacks(targets, stack.bootstrapServers()).attacks());
        Stream<DynamicTest> each = attacks.stream().map(attack -> DynamicTest.dynamicTest(
                attack.category().name() + ": " + attack.name(), () -> {
                    try {
                        attack.attempt().execute();
                        TALLY.record(attack, null);
                    } catch (Throwable failure) {
                        TALLY.record(attack, failure);
                        throw failure;
                    }
                }));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("none of " + attacks.size() + " got in", () ->
                assertThat(TALLY.gotIn()).as("attacks that got in:\n%s", TALLY.breaches()).isEmpty())));
    }
}
