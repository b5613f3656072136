package com.openfulfil.dropship.catalog.feed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV the way spreadsheets export it (RFC 4180): fields separated by a comma (or the
 * semicolon or tab some locales' spreadsheets use), optionally quoted, a quote inside a quoted
 * field doubled, line breaks and separators allowed inside quotes, CRLF or LF line ends, a UTF-8
 * byte-order mark ignored. One record at a time: the file is never held in memory.
 */
public final class CsvReader {
    private static final int BOM = '\uFEFF';
    private static final int MAX_FIELD = 100_000;

    private final Reader in;
    private int separator = -1;
    private int peeked = -2;
    private int line = 1;
    private int recordLine = 1;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} started on (the header is line 1). */
    public int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. Blank lines are skipped. */
    public List<String> next() {
        try {
            int c = read();
            if (c == BOM && line == 1 && separator == -1) {
                c = read();
            }
            while (c == '\r' || c == '\n') {
                endOfLine(c);
                c = read();
            }
            if (c == -1) {
                return null;
            }
            recordLine = line;
            return record(c);
        } catch (CharacterCodingException e) {
            throw new FeedMalformedException(line, "the file is not UTF-8 text (line " + line + ")", e);
        } catch (IOException e) {
            throw new FeedMalformedException(line, "the feed could not be read: " + e.getMessage(), e);
        }
    }

    private List<String> record(int first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int c = first;
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field);
            } else if (c == -1 || c == '\r' || c == '\n') {
                fields.add(field.toString());
                if (c != -1) {
                    endOfLine(c);
                }
                return fields;
            } else if (isSeparator(c)) {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
            } else {
                append(field, c);
                c = read();
            }
        }
    }

    /** Reads a quoted field up to its closing quote; returns the character after it. */
    private int quoted(StringBuilder field) throws IOException {
        int start = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new FeedMalformedException(start, "a quoted field opened on line " + start + " is never closed",
                        null);
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    return after;
                }
            } else if (c == '\n') {
                line++;
            } else if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                }
                line++;
                c = '\n';
            }
            append(field, c);
        }
    }

    /** The first separator seen decides the file's: a comma, or a semicolon or tab where a locale uses those. */
    private boolean isSeparator(int c) {
        if (separator == -1 && (c == ',' || c == ';' || c == '\t')) {
            separator = c;
        }
        return c == separator;
    }

    /** Consumes a line end ({@code c} is CR or LF; a CR may be followed by LF) and nothing after it. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                unread(after);
            }
        }
        line++;
    }

    private void append(StringBuilder field, int c) {
        if (field.length() >= MAX_FIELD) {
            throw new FeedMalformedException(line, "a field on line " + line + " is longer than " + MAX_FIELD
                    + " characters", null);
        }
        field.append((char) c);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }
}
