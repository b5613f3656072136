package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.demo.PlannedOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Judges a chaos run: every order against what the topics say happened to it, every poison
 * message against the dead-letter topics; one row per fault (the orders it caught or that were
 * placed while it healed), the invariants, and the details of every order that broke one.
 */
final class ChaosReport {
    private static final String GATEWAY = "supplier-gateway";
    private static final int EXAMPLES = 3;

    /**
     * One line of the table. {@code paused} is the longest any order stood still while the fault lasted;
     * {@code dlq} is "found/expected" for poison, else the genuine messages dead-lettered.
     */
    record Row(String fault, String inFlight, String recovery, String paused, int lost, int duplicated, String dlq,
               String note) {
    }

    /** One invariant and whether it held. */
    record Invariant(String text, boolean held, String detail) {
    }

    private final Instant runStart;
    private final List<LoadOrder> orders;
    private final List<FaultWindow> windows;
    private final Instant afterFrom;
    private final TopicAudit.Snapshot topics;
    private final List<String> harnessProblems;
    private final List<String> harnessEvents;
    private final Set<String> httpSuppliers;
    private final Map<LoadOrder, OrderCheck> checks = new LinkedHashMap<>();

    /**
     * @param harnessProblems what kept the test harness itself from doing its part (fails the run)
     * @param harnessEvents   what the harness had to repair on its own side (a simulator restarted)
     * @param httpSuppliers   suppliers that took their dispatches over HTTP: a parked dispatch of theirs that ops
     *                        sent again is on their dispatch topic twice with the same dispatchId, by design
     */
    ChaosReport(Instant runStart, List<LoadOrder> orders, List<FaultWindow> windows, Instant afterFrom,
                TopicAudit.Snapshot topics, List<String> harnessProblems, List<String> harnessEvents,
                Set<String> httpSuppliers) {
        this.httpSuppliers = Set.copyOf(httpSuppliers);
        this.runStart = runStart;
        this.harnessProblems = List.copyOf(harnessProblems);
        this.harnessEvents = List.copyOf(harnessEvents);
        this.orders = List.copyOf(orders);
        this.windows = List.copyOf(windows);
        this.afterFrom = afterFrom;
        this.topics = topics;
        this.orders.forEach(o -> checks.put(o, check(o)));
    }

    /** What the topics say about one order, against its plan. */
    record OrderCheck(OrderStatus finalStatus, boolean lost, int duplicates, List<String> problems) {
    }

    private OrderCheck check(LoadOrder order) {
        List<String> problems = new ArrayList<>();
        PlannedOrder plan = order.plan();
        if (!order.accepted()) {
            problems.add("never accepted: " + order.refusal());
            return new OrderCheck(null, true, 0, problems);
        }
        OrderStatus last = topics.lastStatusOf(order.orderId());
        boolean lost = last != plan.expected();
        if (lost) {
            problems.add("expected " + plan.expected() + ", orders.lifecycle ends at " + last + " ("
                    + topics.statusesOf(order.orderId()).stream().map(Enum::name).collect(Collectors.joining(">")) + ")");
        }
        int duplicates = 0;
        Map<String, List<TopicAudit.Dispatch>> bySupplier = topics.dispatchesOf(order.orderId()).stream()
                .collect(Collectors.groupingBy(d -> d.event().supplierId(), TreeMap::new, Collectors.toList()));
        for (var entry : bySupplier.entrySet()) {
            long copies = httpSuppliers.contains(entry.getKey())
                    ? entry.getValue().stream().map(d -> d.event().dispatchId()).distinct().count()
                    : entry.getValue().size();
            if (copies > 1) {
                duplicates += (int) copies - 1;
                problems.add(entry.getValue().size() + " DispatchRequested for supplier " + entry.getKey() + ": "
                        + entry.getValue().stream().map(d -> "dispatchId " + d.event().dispatchId() + " eventId "
                        + d.event().eventId() + " at " + d.topic() + "-" + d.partition() + "@" + d.offset())
                        .collect(Collectors.joining("; ")));
            }
        }
        Set<String> planned = plan.expected() == OrderStatus.COMPLETED ? new TreeSet<>(plan.suppliers()) : Set.of();
        if (!bySupplier.keySet().equals(planned) && !(lost && planned.containsAll(bySupplier.keySet()))) {
            problems.add("dispatched to " + bySupplier.keySet() + ", planned " + planned);
        }
        int commissions = topics.commissionsOf(order.orderId()).size();
        if (commissions > 1) {
            duplicates += commissions - 1;
            problems.add(commissions + " CommissionEarned: " + topics.commissionsOf(order.orderId()).stream()
                    .map(c -> c.eventId() + " total " + c.total()).collect(Collectors.joining("; ")));
        }
        boolean owed = plan.isPartner() && last == OrderStatus.COMPLETED;
        if (owed && commissions == 0) {
            lost = true;
            problems.add("completed partner order without a CommissionEarned");
        } else if (!plan.isPartner() && commissions > 0) {
            problems.add("storefront order with a CommissionEarned");
        }
        int notified = duplicateNotifications(order.orderId());
        if (notified > 0) {
            duplicates += notified;
            problems.add(notified + " duplicate customer notification(s): " + topics.notificationsOf(order.orderId())
                    .stream().map(n -> n.kind() + (n.trackingNumber() == null ? "" : " " + n.trackingNumber())
                            + " id " + n.notificationId()).collect(Collectors.joining("; ")));
        }
        if (order.finishProblem() != null) {
            problems.add("confirming/completing it failed: " + order.finishProblem());
        }
        return new OrderCheck(last, lost, duplicates, problems);
    }

    /**
     * Messages the customer would get twice: the same kind about the same parcel (or order) under
     * more than one notification id. The same id asked again is one message (the sender sends each
     * id once); a delay notice may rightly come again for a new silence.
     */
    private int duplicateNotifications(String orderId) {
        Map<String, Set<String>> idsByMessage = new TreeMap<>();
        for (NotificationRequested n : topics.notificationsOf(orderId)) {
            if (n.kind() != NotificationKind.PARCEL_DELAYED) {
                idsByMessage.computeIfAbsent(n.kind() + "|" + n.trackingNumber(), k -> new TreeSet<>())
                        .add(n.notificationId());
            }
        }
        return idsByMessage.values().stream().mapToInt(ids -> ids.size() - 1).sum();
    }

    List<FaultWindow> injected() {
        return windows.stream().filter(FaultWindow::injected).toList();
    }

    /** The row an order belongs to: the first fault that caught it in flight, else the one it was placed under. */
    String rowOf(LoadOrder order) {
        for (FaultWindow w : injected()) {
            if (order.inFlightAt(w.injectedAt()) || order.accepted() && order.finishedAt() == null
                    && order.acceptedAt().isBefore(w.injectedAt())) {
                return w.label();
            }
        }
        Instant placed = order.accepted() ? order.acceptedAt() : order.firstAttemptAt();
        if (afterFrom != null && !placed.isBefore(afterFrom)) {
            return AFTER;
        }
        String row = BASELINE;
        for (FaultWindow w : injected()) {
            if (!placed.isBefore(w.injectedAt())) {
                row = w.label();
            }
        }
        return row;
    }

    static final String BASELINE = "steady load, no fault";
    static final String AFTER = "after the faults";

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row(BASELINE, "-", "-", paused(runStart, firstInjection()),
                Integer.toString(deadLettersBetween(runStart, firstInjection())), null));
        List<FaultWindow> injected = injected();
        for (FaultWindow w : windows) {
            if (w.notApplicable() != null) {
                rows.add(new Row(w.label(), "-", "-", "-", 0, 0, "-", "not applicable yet: " + w.notApplicable()));
            } else if (!w.injected()) {
                rows.add(new Row(w.label(), "-", "-", "-", 0, 0, "-", w.problem()));
            } else {
                int i = injected.indexOf(w);
                Instant end = i + 1 < injected.size() ? injected.get(i + 1).injectedAt() : afterFrom;
                int parked = parkedBetween(w.injectedAt(), end);
                String dlq = !w.poison().isEmpty() ? poisonParked(w.poison()) + "/" + poisonExpected(w.poison())
                        : deadLettersBetween(w.injectedAt(), end) + (parked > 0 ? " + " + parked + " parked" : "");
                Duration recovery = recovery(w);
                String note = w.problem() != null ? w.problem()
                        : w.note() != null ? w.note() + (recovery == null ? "" : "; healed later, after " + seconds(recovery))
                        : w.summary();
                Instant healed = recovery == null ? end : w.injectedAt().plus(recovery);
                rows.add(row(w.label(), Integer.toString(w.inFlight()), recovery == null ? "not healed"
                        : seconds(recovery), paused(w.injectedAt(), healed), dlq, note));
            }
        }
        rows.add(row(AFTER, "-", "-", paused(afterFrom, null), Integer.toString(deadLettersBetween(afterFrom, null)),
                null));
        return rows;
    }

    /**
     * The longest any one order stood still between {@code from} and {@code to} (null: open): of each gap
     * between two steps of an order (its first POST, its acceptance, each status read), the part inside
     * the window. After a strike it is how long the fault held an order up; without a fault it is the
     * slowest step of the pipeline and the simulators.
     */
    String paused(Instant from, Instant to) {
        Duration longest = Duration.ZERO;
        for (LoadOrder o : orders) {
            List<Instant> steps = o.steps();
            for (int i = 1; i < steps.size(); i++) {
                Instant start = steps.get(i - 1).isBefore(from) ? from : steps.get(i - 1);
                Instant end = to != null && steps.get(i).isAfter(to) ? to : steps.get(i);
                if (end.isAfter(start) && Duration.between(start, end).compareTo(longest) > 0) {
                    longest = Duration.between(start, end);
                }
            }
        }
        return seconds(longest);
    }

    /**
     * From the strike until the fault had settled, every order it caught had finished and an order
     * placed after it had finished too; worked out from the orders when it took longer than the wait.
     */
    Duration recovery(FaultWindow w) {
        if (w.recoveredAt() != null) {
            return Duration.between(w.injectedAt(), w.recoveredAt());
        }
        if (w.settledAt() == null) {
            return null;
        }
        Instant healed = w.settledAt();
        for (LoadOrder o : orders) {
            if (w.caught().contains(o.plan().externalRef())) {
                if (o.finishedAt() == null) {
                    return null;
                }
                healed = healed.isAfter(o.finishedAt()) ? healed : o.finishedAt();
            }
        }
        Instant firstNew = orders.stream().filter(o -> o.accepted() && o.acceptedAt().isAfter(w.injectedAt())
                && o.finishedAt() != null).map(LoadOrder::finishedAt).min(Instant::compareTo).orElse(null);
        if (firstNew == null) {
            return null;
        }
        return Duration.between(w.injectedAt(), healed.isAfter(firstNew) ? healed : firstNew);
    }

    private Row row(String label, String inFlight, String recovery, String paused, String dlq, String note) {
        int lost = 0;
        int duplicated = 0;
        for (var e : checks.entrySet()) {
            if (rowOf(e.getKey()).equals(label)) {
                lost += e.getValue().lost() ? 1 : 0;
                duplicated += e.getValue().duplicates();
            }
        }
        return new Row(label, inFlight, recovery, paused, lost, duplicated, dlq, note);
    }

    private Instant firstInjection() {
        return injected().isEmpty() ? afterFrom : injected().get(0).injectedAt();
    }

    /** Dead letters that are not our poison, written between {@code from} and {@code to} (null: open). */
    private int deadLettersBetween(Instant from, Instant to) {
        return (int) genuineDeadLetters().stream().filter(d -> d.failedAt() == null
                || (from == null || !d.failedAt().isBefore(from)) && (to == null || d.failedAt().isBefore(to))).count();
    }

    private List<TopicAudit.DeadLetter> genuineDeadLetters() {
        return topics.deadLetters().stream().filter(d -> d.poisonId() == null && !isParkedDispatch(d))
                .filter(d -> d.failedAt() == null || !d.failedAt().isBefore(runStart)).toList();
    }

    /** A dispatch supplier-gateway gave up delivering to an HTTP supplier and parked for ops to send again. */
    private boolean isParkedDispatch(TopicAudit.DeadLetter d) {
        return d.poisonId() == null && httpSuppliers.stream()
                .anyMatch(s -> d.dlqTopic().equals(Topics.supplierDispatch(s).name() + "." + GATEWAY + ".dlq"));
    }

    private int parkedBetween(Instant from, Instant to) {
        return (int) topics.deadLetters().stream().filter(this::isParkedDispatch)
                .filter(d -> d.failedAt() == null || !d.failedAt().isBefore(from) && (to == null || d.failedAt().isBefore(to)))
                .count();
    }

    private static int poisonExpected(List<Poison> poison) {
        return poison.stream().mapToInt(p -> p.groups().size()).sum();
    }

    private int poisonParked(List<Poison> poison) {
        Set<String> parked = parked();
        return (int) poison.stream().flatMap(p -> p.groups().stream().filter(g -> parked.contains(p.id() + "|" + g)))
                .count();
    }

    private Set<String> parked() {
        return topics.deadLetters().stream()
                .filter(d -> d.poisonId() != null && d.error() != null && !d.error().isBlank()
                        && d.dlqTopic().equals(d.sourceTopic() + "." + d.group() + ".dlq"))
                .map(d -> d.poisonId() + "|" + d.group()).collect(Collectors.toCollection(HashSet::new));
    }

    private List<String> missingPoison() {
        Set<String> parked = parked();
        List<String> missing = new ArrayList<>();
        for (FaultWindow w : injected()) {
            for (Poison p : w.poison()) {
                for (String g : p.groups()) {
                    if (!parked.contains(p.id() + "|" + g)) {
                        missing.add(p.kind().label() + " (" + p.what() + ", key " + p.key() + ") on " + p.topic()
                                + ": not in " + p.topic() + "." + g + ".dlq with a dlq.error");
                    }
                }
            }
        }
        return missing;
    }

    List<Invariant> invariants() {
        List<Invariant> list = new ArrayList<>();
        List<LoadOrder> refused = orders.stream().filter(o -> !o.accepted()).toList();
        list.add(new Invariant("every order placed was accepted (202), retried with its Idempotency-Key",
                refused.isEmpty(), refused.size() + " not accepted"));
        long accepted = orders.size() - refused.size();
        long lost = checks.entrySet().stream().filter(e -> e.getKey().accepted() && e.getValue().lost()).count();
        list.add(new Invariant("every accepted order ended COMPLETED or REJECTED as planned (0 lost)", lost == 0,
                (accepted - lost) + "/" + accepted + " as planned"));
        long dupDispatch = checks.values().stream().flatMap(c -> c.problems().stream())
                .filter(p -> p.contains("DispatchRequested for supplier") || p.startsWith("dispatched to")).count();
        list.add(new Invariant("one DispatchRequested per (order, supplier), to the planned suppliers",
                dupDispatch == 0, dupDispatch + " order(s) with a duplicate or unplanned dispatch"));
        long notificationProblems = checks.values().stream().flatMap(c -> c.problems().stream())
                .filter(p -> p.contains("customer notification")).count();
        list.add(new Invariant("one customer notification per (order, kind, parcel) on notifications.outbound",
                notificationProblems == 0, notificationProblems + " order(s) whose customer would hear something twice; "
                + notifications() + " notifications asked for in all"));
        long commissionProblems = checks.values().stream().flatMap(c -> c.problems().stream())
                .filter(p -> p.contains("CommissionEarned")).count();
        list.add(new Invariant("one CommissionEarned per completed partner order, none for storefront orders",
                commissionProblems == 0, commissionProblems + " order(s) with a missing, extra or wrong commission"));
        List<Poison> poison = injected().stream().flatMap(w -> w.poison().stream()).toList();
        if (!poison.isEmpty()) {
            int expected = poisonExpected(poison);
            int missing = missingPoison().size();
            list.add(new Invariant("every poison message in each consumer's <topic>.<service>.dlq with dlq.error",
                    missing == 0, (expected - missing) + "/" + expected + " dead letters"));
        }
        if (!httpSuppliers.isEmpty()) {
            int parked = parkedBetween(runStart, null);
            int resent = windows.stream().mapToInt(FaultWindow::resent).sum();
            list.add(new Invariant("every dispatch parked in a supplier outage sent again by ops", parked == resent,
                    parked + " parked, " + resent + " sent again"));
        }
        int genuine = genuineDeadLetters().size();
        list.add(new Invariant("no genuine event dead-lettered", genuine == 0, genuine + " dead letter(s) without "
                + "a poison id"));
        List<LoadOrder> after = orders.stream().filter(o -> rowOf(o).equals(AFTER)).toList();
        boolean moving = !after.isEmpty() && after.stream().noneMatch(o -> checks.get(o).lost());
        list.add(new Invariant("pipeline still moving after the faults", moving,
                after.stream().filter(o -> !checks.get(o).lost()).count() + "/" + after.size()
                        + " orders placed after the last fault ended as planned"));
        List<FaultWindow> unhealed = windows.stream().filter(w -> w.notApplicable() == null && w.problem() != null)
                .toList();
        list.add(new Invariant("every fault injected, and the stack healthy again after it", unhealed.isEmpty(),
                unhealed.isEmpty() ? "yes"
                        : unhealed.stream().map(w -> w.label() + ": " + w.problem()).collect(Collectors.joining("; "))));
        list.add(new Invariant("test harness intact (simulators, load)", harnessProblems.isEmpty(),
                harnessProblems.isEmpty() ? "yes" : String.join("; ", harnessProblems)));
        return list;
    }

    private long notifications() {
        return orders.stream().filter(LoadOrder::accepted).mapToLong(o -> topics.notificationsOf(o.orderId()).size()).sum();
    }

    boolean passed() {
        return invariants().stream().allMatch(Invariant::held);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        List<Row> rows = rows();
        int width = Math.max(34, rows.stream().mapToInt(r -> r.fault().length()).max().orElse(0));
        String format = "%-" + width + "s %9s %9s %7s %5s %10s %7s%n";
        out.append(String.format(format, "fault", "in flight", "recovery", "paused", "lost", "duplicated", "DLQ'd"));
        out.append("-".repeat(width + 55)).append('\n');
        for (Row r : rows) {
            if (r.note() != null && r.note().startsWith("not applicable")) {
                out.append(String.format("%-" + width + "s %s%n", r.fault(), r.note()));
                continue;
            }
            out.append(String.format(format, r.fault(), r.inFlight(), r.recovery(), r.paused(), r.lost(),
                    r.duplicated(), r.dlq()));
            if (r.note() != null) {
                out.append("    ").append(r.note()).append('\n');
            }
        }
        long accepted = orders.stream().filter(LoadOrder::accepted).count();
        int lost = rows.stream().mapToInt(Row::lost).sum();
        int duplicated = rows.stream().mapToInt(Row::duplicated).sum();
        out.append("-".repeat(width + 55)).append('\n');
        out.append(String.format(format, "total: " + orders.size() + " orders, " + accepted + " accepted", "", "", "",
                lost, duplicated, ""));
        out.append(statusCounts()).append('\n');
        harnessEvents.forEach(e -> out.append("harness: ").append(e).append('\n'));
        out.append("\nInvariants\n");
        for (Invariant inv : invariants()) {
            out.append(String.format("  [%s] %s: %s%n", inv.held() ? "PASS" : "FAIL", inv.text(), inv.detail()));
        }
        appendDetails(out);
        return out.toString();
    }

    private String statusCounts() {
        Map<String, Long> counts = checks.values().stream().collect(Collectors.groupingBy(
                c -> c.finalStatus() == null ? "none" : c.finalStatus().name(), TreeMap::new, Collectors.counting()));
        return "final statuses on orders.lifecycle: " + counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** One thing that broke an invariant, with the row it counts in and a category to group it by. */
    record Finding(String row, String category, String text) {
    }

    /** Every finding, in full: each broken order, each missing dead letter, each genuine dead letter. */
    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        checks.forEach((order, check) -> {
            if (!check.problems().isEmpty()) {
                findings.add(new Finding(rowOf(order), category(order, check), order.plan().externalRef() + " ("
                        + order.plan().kind() + ", order " + order.orderId() + ", first POST "
                        + at(order.firstAttemptAt()) + ", accepted " + at(order.acceptedAt()) + " after "
                        + order.attempts() + " attempt(s), watcher saw " + order.lastSeen()
                        + (order.finishedAt() == null ? "" : " at " + at(order.finishedAt())) + "): "
                        + String.join("; ", check.problems())));
            }
        });
        missingPoison().forEach(m -> findings.add(new Finding("poison", "poison message not dead-lettered", m)));
        genuineDeadLetters().forEach(d -> findings.add(new Finding("-", "genuine event dead-lettered",
                "in " + d.dlqTopic() + " (key " + d.key() + ", at " + at(d.failedAt()) + "): " + d.error())));
        harnessProblems.forEach(h -> findings.add(new Finding("-", "test harness", h)));
        return findings;
    }

    private static String category(LoadOrder order, OrderCheck check) {
        if (!order.accepted()) {
            return "never accepted";
        }
        if (check.duplicates() > 0) {
            return "duplicated";
        }
        if (check.lost()) {
            return "stuck at " + check.finalStatus() + " (expected " + order.plan().expected() + ")";
        }
        return check.problems().get(0).startsWith("dispatched to") ? "unplanned dispatch" : "other";
    }

    /** Findings grouped by row and category, a few examples of each; every one is in {@link #findings()}. */
    private void appendDetails(StringBuilder out) {
        List<Finding> findings = findings();
        if (findings.isEmpty()) {
            return;
        }
        out.append("\nFindings (").append(findings.size()).append("), by fault and kind, with examples\n");
        Map<String, List<Finding>> groups = findings.stream().collect(Collectors.groupingBy(
                f -> f.row() + " | " + f.category(), LinkedHashMap::new, Collectors.toList()));
        groups.forEach((group, list) -> {
            out.append("  ").append(group).append(": ").append(list.size()).append('\n');
            list.stream().limit(EXAMPLES).forEach(f -> out.append("      ").append(f.text()).append('\n'));
        });
        out.append("Fault times: ").append(injected().stream().map(w -> w.label() + " " + at(w.injectedAt()))
                .collect(Collectors.joining(", "))).append('\n');
    }

    /** A time as seconds since the run started, e.g. "+73.2s". */
    private String at(Instant t) {
        return t == null ? "-" : "+" + seconds(Duration.between(runStart, t));
    }

    static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
