package com.openfulfil.dropship.ops.supplier.domain;

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
 * separator, a quote (doubled inside) or a line break.
 */
public final class Csv {
    /** Excel opens a UTF-8 file as UTF-8 only when it starts with the byte-order mark. */
    public static final String BOM = "\uFEFF";
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

    /** Every record of the file, blank lines left out. */
    public static List<Record> read(byte[] file) {
        String text = utf8(file);
        if (text.startsWith(BOM)) {
            text = text.substring(1);
        }
        char separator = separator(text);
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                add(records, new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CsvException(recordLine, "a quoted field starting on line " + recordLine + " is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            add(records, new Record(recordLine, List.copyOf(fields)));
        }
        return records;
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

    private static void add(List<Record> records, Record record) {
        if (!record.isBlank()) {
            records.add(record);
        }
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
