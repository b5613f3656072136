package com.openfulfil.dropship.catalog.feed;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The two formats a supplier feed comes in. */
public enum FeedFormat {
    /** A JSON array of row objects. */
    JSON,
    /** A spreadsheet's CSV export with a header row, UTF-8 with or without a byte-order mark. */
    CSV;

    /** From a Content-Type ({@code application/json}, {@code text/csv}) or a configured name ({@code csv}, {@code json}). */
    public static Optional<FeedFormat> of(String contentTypeOrName) {
        if (contentTypeOrName == null) {
            return Optional.empty();
        }
        String value = contentTypeOrName.toLowerCase(Locale.ROOT);
        if (value.contains("json")) {
            return Optional.of(JSON);
        }
        if (value.contains("csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** Reads {@code body} row by row; the caller closes the rows, which closes the stream. */
    public FeedRows open(InputStream body) {
        if (this == JSON) {
            return new JsonFeedRows(body);
        }
        // a file that is not UTF-8 is refused, not silently mangled
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvFeedRows(new InputStreamReader(body, decoder));
    }
}
