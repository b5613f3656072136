package com.openfulfil.dropship.catalog.feed;

import java.util.List;

/**
 * The answer to a feed import: how many rows came, how many were applied, and why the others were
 * not. At most {@value #MAX_LISTED} refusals are listed; {@code refusalsNotListed} counts the rest.
 */
public record FeedReport(int rowsReceived, int rowsApplied, List<RefusedRow> rowsRefused, int refusalsNotListed) {
    public static final int MAX_LISTED = 1_000;

    public FeedReport {
        rowsRefused = List.copyOf(rowsRefused);
    }

    /** One bad field of one row; {@code line} is the row's line in a CSV file (the header is 1), or its position in a JSON array. */
    public record RefusedRow(int line, String field, String reason) {
    }
}
