package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExactlyOnceCheckTest {
    private static final List<String> SUPPLIERS = List.of("shenzhen-gadgets", "hanoi-crafts", "lyon-linen");
    private static final long HANOI = 1 << 1;
    private static final long LYON = 1 << 2;

    /** An order accepted by the API that went all the way through once. */
    private static Sent completed(long seq, boolean partner, long suppliers) {
        Sent sent = new Sent(new Plan(seq, 1, partner, suppliers, 1_000_000));
        Track track = new Track("o-" + seq);
        track.attach(sent.plan);
        for (OrderStatus status : List.of(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.DISPATCHED,
                OrderStatus.ACCEPTED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED,
                OrderStatus.COMPLETED)) {
            track.status(status, 2000 + status.ordinal());
        }
        for (int i = 0; i < 3; i++) {
            if ((suppliers >> i & 1) == 1) {
                track.dispatch(i);
            }
        }
        if (partner) {
            track.commission(3000);
        }
        sent.accepted(track, 1_000_500);
        return sent;
    }

    @Test
    void ordersThatWentThroughOnceEachPass() {
        List<Sent> orders = List.of(completed(1, false, HANOI), completed(2, true, HANOI | LYON));

        ExactlyOnceCheck.Result result = ExactlyOnceCheck.check(orders, orders.stream().map(Sent::track).toList(),
                SUPPLIERS);

        assertThat(result.passed()).isTrue();
        assertThat(result.completedOnce()).isEqualTo(2);
        assertThat(result.orders()).isEqualTo(2);
    }

    @Test
    void aSecondCompletionIsADouble() {
        Sent order = completed(1, false, HANOI);
        order.track().status(OrderStatus.COMPLETED, 5000);

        ExactlyOnceCheck.Result result = ExactlyOnceCheck.check(List.of(order), List.of(order.track()), SUPPLIERS);

        assertThat(result.passed()).isFalse();
        assertThat(result.problemCounts()).containsEntry("completed more than once", 1L);
        assertThat(result.examples()).singleElement().asString().contains("o-1").contains("COMPLETED x2");
    }

    @Test
    void aMissingDispatchIsNamedWithItsSupplierAmongTwentyFour() {
        List<String> many = java.util.stream.IntStream.range(0, 24).mapToObj(i -> "supplier-" + i).toList();
        Sent order = completed(1, false, 0);
        Plan plan = new Plan(1, 1, false, 1L << 23 | 1L << 5, 1_000_000);
        Sent sent = new Sent(plan);
        Track track = order.track();
        track.attach(plan);
        track.dispatch(5);
        sent.accepted(track, 1_000_500);

        assertThat(ExactlyOnceCheck.problems(sent, many)).singleElement().asString()
                .isEqualTo("dispatch missing: supplier-23 x0 (expected 1)");
    }

    @Test
    void anOrderThatNeverCompletedIsLost() {
        Sent order = new Sent(new Plan(7, 1, false, HANOI, 0));
        Track track = new Track("o-7");
        track.attach(order.plan);
        track.status(OrderStatus.PLACED, 1);
        track.dispatch(1);
        order.accepted(track, 1);

        assertThat(ExactlyOnceCheck.check(List.of(order), List.of(track), SUPPLIERS).problemCounts())
                .containsEntry("never completed", 1L);
    }

    @Test
    void eachSupplierMustBeAskedExactlyOnceAndNoOtherAtAll() {
        Sent twice = completed(1, false, HANOI);
        twice.track().dispatch(1);
        Sent wrong = completed(2, false, LYON);
        wrong.track().dispatch(0);
        Sent missing = completed(3, false, HANOI | LYON);
        Sent stranger = completed(4, false, HANOI);
        stranger.track().dispatch(-1);

        ExactlyOnceCheck.Result result = ExactlyOnceCheck.check(List.of(twice, wrong, missing, stranger), List.of(),
                SUPPLIERS);

        assertThat(result.problemCounts())
                .containsEntry("dispatched more than once or to the wrong supplier", 3L);
        assertThat(ExactlyOnceCheck.problems(missing, SUPPLIERS)).isEmpty();
        assertThat(ExactlyOnceCheck.problems(twice, SUPPLIERS)).singleElement().asString()
                .isEqualTo("dispatched more than once or to the wrong supplier: hanoi-crafts x2 (expected 1)");
        assertThat(ExactlyOnceCheck.problems(wrong, SUPPLIERS)).singleElement().asString()
                .isEqualTo("dispatched more than once or to the wrong supplier: shenzhen-gadgets x1 (expected 0)");
        assertThat(ExactlyOnceCheck.problems(stranger, SUPPLIERS)).singleElement().asString()
                .contains("outside the bench catalog");
    }

    @Test
    void aPartnerOrderEarnsOneCommissionAndAStorefrontOrderNone() {
        Sent partnerWithout = new Sent(new Plan(1, 1, true, HANOI, 0));
        Track track = completed(9, false, HANOI).track();
        track.attach(partnerWithout.plan);
        partnerWithout.accepted(track, 1);
        Sent storefrontWith = completed(2, false, HANOI);
        storefrontWith.track().commission(10);
        Sent partnerTwice = completed(3, true, HANOI);
        partnerTwice.track().commission(11);

        ExactlyOnceCheck.Result result = ExactlyOnceCheck.check(List.of(partnerWithout, storefrontWith, partnerTwice),
                List.of(), SUPPLIERS);

        assertThat(result.problemCounts()).containsEntry("commission missing", 1L)
                .containsEntry("commission doubled or unexpected", 2L);
    }

    @Test
    void aStatusAnnouncedTwiceIsADouble() {
        Sent order = completed(1, false, HANOI);
        order.track().status(OrderStatus.SHIPPED, 9999);

        assertThat(ExactlyOnceCheck.problems(order, SUPPLIERS)).singleElement().asString()
                .startsWith("status announced more than once: SHIPPED x2");
    }

    @Test
    void anOrderTheApiNeverAcceptedAndEventsOfAnUnknownOrderFailTheCheck() {
        Sent refused = new Sent(new Plan(1, 1, false, HANOI, 0));
        refused.refused("503 Service Unavailable");
        Track stranger = new Track("o-unknown");
        stranger.status(OrderStatus.PLACED, 1);

        ExactlyOnceCheck.Result result = ExactlyOnceCheck.check(List.of(refused), List.of(stranger), SUPPLIERS);

        assertThat(result.problemCounts()).containsEntry("not accepted by the API", 1L)
                .containsEntry("events for an order the bench did not place", 1L);
    }
}
