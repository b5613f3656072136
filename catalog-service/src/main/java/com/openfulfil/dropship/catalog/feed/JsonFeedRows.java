package com.openfulfil.dropship.catalog.feed;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;

/** A JSON array of rows, parsed as a stream: one row object in memory at a time. */
final class JsonFeedRows implements FeedRows {
    private final JsonParser parser;
    private int index;
    private boolean started;

    JsonFeedRows(InputStream body) {
        this.parser = Json.mapper().createParser(body);
    }

    @Override
    public ParsedRow next() {
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new FeedMalformedException(1, "a JSON feed must be an array of rows", null);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            ParsedRow row = new ParsedRow(index + 1, (JsonNode) parser.readValueAsTree());
            index++;
            return row;
        } catch (JacksonException e) {
            throw new FeedMalformedException(index + 1, "the JSON is malformed at row " + (index + 1) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
