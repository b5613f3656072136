package com.openfulfil.dropship.catalog.feed;

import tools.jackson.databind.JsonNode;

/** One row of a feed as it was read, before it is checked: where it was, and its fields. */
public record ParsedRow(int line, JsonNode fields) {
}
