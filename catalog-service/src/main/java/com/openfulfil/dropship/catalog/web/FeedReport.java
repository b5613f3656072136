package com.openfulfil.dropship.catalog.web;

import java.util.List;

/** The answer to a feed import: how many rows came, how many were published, and why the others were not. */
public record FeedReport(int rowsReceived, int rowsApplied, List<RefusedRow> rowsRefused) {

    /** One bad field of one row; {@code line} is the row's position in the feed, from 1. */
    public record RefusedRow(int line, String field, String reason) {
    }
}
