package com.openfulfil.dropship.catalog.feed;

import java.io.Closeable;

/**
 * A feed read one row at a time, whatever its format. {@link #next()} returns null after the last
 * row, and throws {@link FeedMalformedException} when the file itself stops making sense.
 */
public interface FeedRows extends Closeable {
    ParsedRow next();

    @Override
    void close();
}
