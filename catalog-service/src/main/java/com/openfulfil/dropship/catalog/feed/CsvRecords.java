package com.openfulfil.dropship.catalog.feed;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file the way spreadsheets export it, one record at a time, parsed by Jackson's CSV parser
 * (RFC 4180: fields optionally quoted, a quote inside a quoted field doubled, separators and line
 * breaks allowed inside quotes, CRLF, LF or CR line ends). The file is never held in memory. Around
 * the parser: the file's separator is found first (a comma, or the semicolon or tab some locales'
 * spreadsheets use), a UTF-8 byte-order mark is dropped, blank lines are skipped, and a file that
 * cannot be read is reported by the line a supplier finds it on.
 */
final class CsvRecords implements Closeable {
    static final int MAX_FIELD = 100_000;
    private static final char BOM = '\uFEFF';
    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FIELD).build())
            .build()).build();

    /** One record's fields and the line it starts on (the header is line 1; quoted line breaks count). */
    record Record(int line, List<String> fields) {
        /** A blank line reads as one empty field; it is no record. */
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    private final JsonParser parser;

    CsvRecords(Reader source) {
        BufferedReader in = new BufferedReader(source);
        try {
            skipByteOrderMark(in);
            char separator = separator(in);
            this.parser = CSV.reader(CsvSchema.emptySchema().withColumnSeparator(separator)).createParser(in);
        } catch (CharacterCodingException e) {
            throw notUtf8(1, e);
        } catch (IOException e) {
            throw unreadable(1, e);
        }
    }

    /** The next record, or null at the end of the file. */
    Record next() {
        try {
            Record record = read();
            while (record != null && record.blank()) {
                record = read();
            }
            return record;
        } catch (StreamConstraintsException e) {
            int line = startLine();
            throw new FeedMalformedException(line, "a field on line " + line + " is longer than " + MAX_FIELD
                    + " characters", e);
        } catch (JacksonIOException e) {
            int line = parser.currentLocation().getLineNr();
            throw e.getCause() instanceof CharacterCodingException coding ? notUtf8(line, coding)
                    : unreadable(line, e.getCause());
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    private Record read() {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int line = 0;
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (fields.isEmpty()) {
                line = startLine();
            }
            fields.add(sameLineBreaks(parser.getString()));
        }
        return new Record(line, fields);
    }

    /** The line the field being read starts on. */
    private int startLine() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** A line break inside a quoted field is kept as the file has it; the row carries it as "\n", whatever the file's. */
    private static String sameLineBreaks(String field) {
        return field.indexOf('\r') < 0 ? field : field.replace("\r\n", "\n").replace('\r', '\n');
    }

    private FeedMalformedException malformed(JacksonException e) {
        int line = startLine();
        // the parser's own words for the one mistake spreadsheets' users make
        if (e.getOriginalMessage().startsWith("Missing closing quote")) {
            return new FeedMalformedException(line, "a quoted field opened on line " + line + " is never closed", e);
        }
        return new FeedMalformedException(line, "the CSV cannot be read on line " + line + ": "
                + e.getOriginalMessage(), e);
    }

    private static FeedMalformedException notUtf8(int line, CharacterCodingException e) {
        return new FeedMalformedException(line, "the file is not UTF-8 text (line " + line + ")", e);
    }

    private static FeedMalformedException unreadable(int line, Throwable e) {
        return new FeedMalformedException(line, "the feed could not be read: " + e.getMessage(), e);
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
    }

    /**
     * The header's first separator decides the file's: a comma, or a semicolon or tab where a
     * locale's spreadsheet uses those; a comma when the header has a single column. Only the header's
     * start is looked at, and the parser reads it again.
     */
    private static char separator(BufferedReader in) throws IOException {
        in.mark(MAX_FIELD);
        try {
            boolean started = false;
            boolean quoted = false; // only a field that starts with a quote is quoted; doubled quotes toggle twice
            boolean inQuotes = false;
            for (int read = 0; read < MAX_FIELD; read++) {
                int c = in.read();
                if (c == -1) {
                    break;
                }
                if (!started && (c == '\r' || c == '\n')) {
                    continue; // blank lines before the header
                }
                if (!started) {
                    started = true;
                    quoted = c == '"';
                }
                if (c == '"' && quoted) {
                    inQuotes = !inQuotes;
                } else if (!inQuotes && (c == ',' || c == ';' || c == '\t')) {
                    return (char) c;
                } else if (!inQuotes && (c == '\r' || c == '\n')) {
                    break;
                }
            }
            return ',';
        } finally {
            in.reset();
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
