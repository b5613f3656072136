package com.openfulfil.dropship.supplierportal.domain;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as spreadsheets write and read it (RFC 4180): UTF-8, with or without a byte-order mark;
 * comma-, semicolon- or tab-separated (the header line decides); fields quoted when they hold the
 * separator, a quote (doubled inside) or a line break. Files are read with Jackson's CSV parser.
 */
public final class Csv {
    /** Excel opens a UTF-8 file as UTF-8 only when it starts with the byte-order mark. */
    public static final String BOM = "\uFEFF";
    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-][0-9 ()./-]*");

    private Csv() {
    }

    /** One record of a file; {@code line} is the line it starts on (the header is line 1). */
    public record Record(int line, List<String> fields) {
        public String field(int index) {
            return index >= 0 && index < fields.size() ? fields.get(index).trim() : "";
        }

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** A file that cannot be read as CSV at all: not UTF-8, or a quote left open. */
    public static final class CsvException extends RuntimeException {
        private final int line;

        public CsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Every record of the file, blank lines left out, as Jackson's CSV parser reads it (RFC 4180: a
     * quote inside a quoted field doubled, separators and line breaks allowed inside quotes, CRLF, LF
     * or CR line ends). Around the parser: the text must be UTF-8, a byte-order mark is dropped, the
     * header decides the separator, and a file that cannot be read is refused with the line it fails on.
     */
    public static List<Record> read(byte[] file) {
        String text = utf8(file);
        if (text.startsWith(BOM)) {
            text = text.substring(1);
        }
        List<Record> records = new ArrayList<>();
        try (JsonParser parser = CSV.reader(CsvSchema.emptySchema().withColumnSeparator(separator(text)))
                .createParser(text)) {
            for (Record record = next(parser); record != null; record = next(parser)) {
                if (!record.isBlank()) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** The next record, or null at the end; {@code line} is where its first field starts (quoted line breaks count). */
    private static Record next(JsonParser parser) {
        int line = parser.currentLocation().getLineNr();
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            // the parser is at the record's start now; a start token's own location is the last one's
            line = parser.currentLocation().getLineNr();
            List<String> fields = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                if (fields.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                fields.add(parser.getString());
            }
            return new Record(line, List.copyOf(fields));
        } catch (JacksonException e) {
            // the parser's own words for the one mistake spreadsheets' users make
            if (e.getOriginalMessage().startsWith("Missing closing quote")) {
                throw new CsvException(line, "a quoted field starting on line " + line + " is never closed");
            }
            throw new CsvException(line, "the file cannot be read on line " + line + ": " + e.getOriginalMessage());
        }
    }

    /** One line of a file, with its line break: fields quoted where needed. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /**
     * A field as written: quoted when it must be. A text a spreadsheet would run as a formula
     * ({@code =}, {@code @}, or {@code +}/{@code -} not followed by a number) gets a leading
     * apostrophe, so a customer's name can never become a formula on the supplier's computer.
     */
    static String quote(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=@+-\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER_LIKE.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf(';') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Header names compare in any case, with spaces, {@code _} and {@code -} ignored. */
    public static String normalise(String header) {
        return header.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    /** The separator the header line uses most: comma, semicolon or tab. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[]{';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvException(1, "the file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"");
        }
    }
}
