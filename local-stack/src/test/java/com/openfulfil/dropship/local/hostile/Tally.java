package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.local.hostile.Attack.Category;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every attack tried, whether it got in, and the suite's table by category. */
final class Tally {
    /** One attack's outcome; {@code why} says how it got in. */
    record Outcome(Attack attack, boolean gotIn, String why) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    synchronized void record(Attack attack, Throwable failure) {
        outcomes.add(new Outcome(attack, failure != null, failure == null ? null : String.valueOf(failure.getMessage())));
    }

    synchronized List<Outcome> gotIn() {
        return outcomes.stream().filter(Outcome::gotIn).toList();
    }

    synchronized int tried() {
        return outcomes.size();
    }

    /** The table for docs/security.md, "Hostile requests": category, tried, got in; then a total. */
    synchronized String table() {
        Map<Category, int[]> byCategory = new EnumMap<>(Category.class);
        for (Outcome outcome : outcomes) {
            int[] counts = byCategory.computeIfAbsent(outcome.attack().category(), c -> new int[2]);
            counts[0]++;
            counts[1] += outcome.gotIn() ? 1 : 0;
        }
        StringBuilder table = new StringBuilder("| attack | tried | got in |\n| --- | ---: | ---: |\n");
        byCategory.forEach((category, counts) ->
                table.append("| ").append(category.label).append(" | ").append(counts[0]).append(" | ")
                        .append(counts[1]).append(" |\n"));
        table.append("| **all** | **").append(tried()).append("** | **").append(gotIn().size()).append("** |\n");
        return table.toString();
    }

    /** Each attack that got in, with how. */
    synchronized String breaches() {
        StringBuilder text = new StringBuilder();
        gotIn().forEach(o -> text.append("GOT IN: [").append(o.attack().category().name()).append("] ")
                .append(o.attack().name()).append(": ").append(o.why()).append('\n'));
        return text.toString();
    }
}
