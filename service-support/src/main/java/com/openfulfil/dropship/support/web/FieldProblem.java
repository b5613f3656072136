package com.openfulfil.dropship.support.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bad field of a request: {@code field} as a path ({@code lines[0].quantity}), {@code pointer}
 * as a JSON Pointer into the request body ({@code #/lines/0/quantity}), and what is wrong with it.
 */
public record FieldProblem(String field, String pointer, String message) {
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(field, pointerOf(field), message);
    }

    static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "#";
        }
        Matcher m = INDEX.matcher(field);
        String slashed = m.replaceAll(".$1");
        return "#/" + slashed.replace('.', '/');
    }
}
