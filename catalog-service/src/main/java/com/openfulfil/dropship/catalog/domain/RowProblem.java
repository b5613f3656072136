package com.openfulfil.dropship.catalog.domain;

/** One bad field of a feed row. */
public record RowProblem(String field, String reason) {
}
