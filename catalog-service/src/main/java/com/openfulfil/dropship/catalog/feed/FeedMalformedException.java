package com.openfulfil.dropship.catalog.feed;

/**
 * The feed itself cannot be read on from {@code line} (broken JSON, an unterminated quote, a file
 * that is not UTF-8). Rows before that line were imported; the supplier fixes the file and sends
 * it again, which is safe because importing the same rows twice changes nothing.
 */
public class FeedMalformedException extends RuntimeException {
    private final int line;

    public FeedMalformedException(int line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
