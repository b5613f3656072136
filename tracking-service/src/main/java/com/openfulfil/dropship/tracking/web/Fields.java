package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.support.web.FieldProblem;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The fields of one webhook event, read leniently: each bad field is noted (with its place in the
 * body, {@code [2].status} in an array) and reading goes on, so one answer names every problem.
 */
final class Fields {
    static final int NO_INDEX = -1;
    private final JsonNode node;
    private final int index;
    private final List<FieldProblem> problems;
    private final int problemsBefore;

    Fields(JsonNode node, int index, List<FieldProblem> problems) {
        this.node = node;
        this.index = index;
        this.problems = problems;
        this.problemsBefore = problems.size();
        if (!node.isObject()) {
            problems.add(problemAt("", "must be an event object"));
        }
    }

    boolean isObject() {
        return node.isObject();
    }

    /** True while no problem was noted for this event. */
    boolean valid() {
        return problems.size() == problemsBefore;
    }

    String text(String name, boolean required, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(name, "is required");
            }
            return null;
        }
        if (!value.isString() || (required && value.stringValue().isBlank())) {
            problem(name, "must be a non-blank string");
            return null;
        }
        if (value.stringValue().length() > maxLength) {
            problem(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return value.stringValue().strip();
    }

    /** An ISO-8601 time with its offset: {@code 2026-11-02T10:00:00Z} or {@code 2026-11-02T18:00:00+08:00}. */
    Instant time(String name) {
        return time(name, true);
    }

    /** Like {@link #time(String)}, and null when the field is absent. */
    Instant optionalTime(String name) {
        return time(name, false);
    }

    private Instant time(String name, boolean required) {
        String text = text(name, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problem(name, "must be an ISO-8601 time with offset, like 2026-11-02T10:00:00Z");
            return null;
        }
    }

    void problem(String name, String message) {
        problems.add(problemAt(name, message));
    }

    /** A problem with this event's field, named for where it sits in the body. */
    FieldProblem problemAt(String name, String message) {
        if (index == NO_INDEX) {
            return FieldProblem.of(name, message);
        }
        String field = "[" + index + "]" + (name.isEmpty() ? "" : "." + name);
        String pointer = "#/" + index + (name.isEmpty() ? "" : "/" + name);
        return new FieldProblem(field, pointer, message);
    }
}
