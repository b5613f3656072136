package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-of-run audit: every order the bench placed was accepted, completed exactly once,
 * dispatched exactly once to each of its suppliers and to no other, announced each status at
 * most once, and earned exactly one commission if a partner placed it (none otherwise); and the
 * pipeline spoke of no order the bench did not place. Anything lost or doubled fails the run.
 */
final class ExactlyOnceCheck {
    static final int EXAMPLES = 20;

    private ExactlyOnceCheck() {
    }

    /**
     * @param problemCounts how many orders had each kind of problem
     * @param examples      the first few problems, with their order
     */
    record Result(long orders, long completedOnce, Map<String, Long> problemCounts, List<String> examples) {
        boolean passed() {
            return problemCounts.isEmpty();
        }
    }

    /** @param suppliers the bench catalog's supplier ids, in the order of the plans' supplier masks */
    static Result check(Collection<Sent> sent, Collection<Track> seen, List<String> suppliers) {
        Map<String, Long> counts = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        long completedOnce = 0;
        for (Sent order : sent) {
            List<String> problems = problems(order, suppliers);
            problems.forEach(p -> counts.merge(kind(p), 1L, Long::sum));
            problems.stream().limit(Math.max(0, EXAMPLES - examples.size()))
                    .forEach(p -> examples.add(name(order) + ": " + p));
            completedOnce += order.track() != null && order.track().count(OrderStatus.COMPLETED) == 1 ? 1 : 0;
        }
        for (Track track : seen) {
            if (track.plan() == null) {
                counts.merge("events for an order the bench did not place", 1L, Long::sum);
                if (examples.size() < EXAMPLES) {
                    examples.add(track.orderId + ": events for an order the bench did not place");
                }
            }
        }
        return new Result(sent.size(), completedOnce, counts, examples);
    }

    /** What is wrong with one order; each problem starts with its kind, then ": " and details. */
    static List<String> problems(Sent order, List<String> suppliers) {
        List<String> problems = new ArrayList<>();
        Track track = order.track();
        if (track == null) {
            problems.add("not accepted by the API: " + (order.refusal() == null ? "no answer" : order.refusal()));
            return problems;
        }
        int completed = track.count(OrderStatus.COMPLETED);
        if (completed != 1) {
            problems.add((completed == 0 ? "never completed" : "completed more than once") + ": COMPLETED x" + completed
                    + " (last status seen: " + lastStatus(track) + ")");
        }
        for (OrderStatus status : OrderStatus.values()) {
            if (status != OrderStatus.COMPLETED && track.count(status) > 1) {
                problems.add("status announced more than once: " + status + " x" + track.count(status));
            }
        }
        // only the suppliers it should reach and those it did reach can be wrong
        long suppliersToCheck = order.plan.supplierMask() | track.dispatchedMask();
        for (int i = 0; i < Long.SIZE; i++) {
            if ((suppliersToCheck >> i & 1) == 0) {
                continue;
            }
            int expected = (order.plan.supplierMask() >> i & 1) == 1 ? 1 : 0;
            int actual = track.dispatches(i);
            if (actual != expected) {
                problems.add((actual < expected ? "dispatch missing" : "dispatched more than once or to the wrong supplier")
                        + ": " + (i < suppliers.size() ? suppliers.get(i) : "supplier #" + i) + " x" + actual
                        + " (expected " + expected + ")");
            }
        }
        if (track.otherDispatches() > 0) {
            problems.add("dispatched more than once or to the wrong supplier: x" + track.otherDispatches()
                    + " to a supplier outside the bench catalog");
        }
        int expectedCommissions = order.plan.partner() ? 1 : 0;
        if (track.commissions() != expectedCommissions) {
            problems.add((track.commissions() < expectedCommissions ? "commission missing" : "commission doubled or unexpected")
                    + ": x" + track.commissions() + " (expected " + expectedCommissions + ")");
        }
        return problems;
    }

    private static String kind(String problem) {
        int colon = problem.indexOf(':');
        return colon < 0 ? problem : problem.substring(0, colon);
    }

    private static String name(Sent order) {
        Track track = order.track();
        return "order #" + order.plan.seq() + (track == null ? "" : " (" + track.orderId + ")");
    }

    private static String lastStatus(Track track) {
        OrderStatus last = null;
        long at = 0;
        for (OrderStatus status : OrderStatus.values()) {
            long first = track.first(status);
            if (first > 0 && first >= at) {
                at = first;
                last = status;
            }
        }
        return last == null ? "none" : last.name();
    }
}
