package com.openfulfil.dropship.catalog.feed;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedFormatTest {

    private static List<ParsedRow> rows(FeedFormat format, String text) {
        return rows(format, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ParsedRow> rows(FeedFormat format, byte[] bytes) {
        List<ParsedRow> rows = new ArrayList<>();
        try (FeedRows feed = format.open(new ByteArrayInputStream(bytes))) {
            for (ParsedRow row = feed.next(); row != null; row = feed.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void knowsTheFormatFromTheContentType() {
        assertThat(FeedFormat.of("text/csv; charset=utf-8")).contains(FeedFormat.CSV);
        assertThat(FeedFormat.of("application/json")).contains(FeedFormat.JSON);
        assertThat(FeedFormat.of("application/xml")).isEmpty();
    }

    @Test
    void csvColumnsAreNamedAsSpreadsheetsNameThem() {
        List<ParsedRow> rows = rows(FeedFormat.CSV, """
                \uFEFFOur SKU,Supplier SKU,Title,Cost Price,Currency,Stock on hand,Image URLs,Shipping options,Colour
                MUG-001,HC-1,"Cốc gốm, 350 ml",4.20,USD,120,https://cdn.example.com/a.jpg|https://cdn.example.com/b.jpg,STANDARD:1.80:7|EXPEDITED:6.50:3:DHL,blue
                """);
        JsonNode row = rows.get(0).fields();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(row.get("sku").asString()).isEqualTo("MUG-001");
        assertThat(row.get("supplierSku").asString()).isEqualTo("HC-1");
        assertThat(row.get("title").asString()).isEqualTo("Cốc gốm, 350 ml");
        assertThat(row.get("cost").asString()).isEqualTo("4.20");
        assertThat(row.get("stock").asString()).isEqualTo("120");
        assertThat(row.get("imageUrls")).hasSize(2);
        assertThat(row.at("/shippingOptions/1/service").asString()).isEqualTo("EXPEDITED");
        assertThat(row.at("/shippingOptions/1/carrier").asString()).isEqualTo("DHL");
        assertThat(row.has("Colour")).as("unknown columns are ignored").isFalse();
    }

    @Test
    void anEmptyCellIsAFieldTheRowDoesNotSet() {
        JsonNode row = rows(FeedFormat.CSV, "sku,supplierSku,stock,cost\nMUG-001,HC-1,80,\n").get(0).fields();
        assertThat(row.has("stock")).isTrue();
        assertThat(row.has("cost")).isFalse();
    }

    @Test
    void aSemicolonExportWithAByteOrderMarkAndAMultiLineCellKeepsEachRowsLine() {
        List<ParsedRow> rows = rows(FeedFormat.CSV, "\uFEFF\"Our SKU\";\"Supplier SKU\";Description;Cost price\r\n"
                + "MUG-001;HC-1;\"Grès émaillé;\r\nlavable\";4,20\r\n"
                + "MUG-002;HC-2;;3,10\r\n");
        assertThat(rows).extracting(ParsedRow::line).containsExactly(2, 4);
        assertThat(rows.get(0).fields().get("sku").asString()).isEqualTo("MUG-001");
        assertThat(rows.get(0).fields().get("description").asString()).isEqualTo("Grès émaillé;\nlavable");
        assertThat(rows.get(1).fields().get("cost").asString()).as("left for the row's checks to refuse")
                .isEqualTo("3,10");
    }

    @Test
    void aCsvWithoutTheKeyColumnsIsRefusedWhole() {
        assertThatThrownBy(() -> rows(FeedFormat.CSV, "title,stock\nMug,3\n")).isInstanceOf(FeedMalformedException.class)
                .hasMessageContaining("sku and supplierSku");
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedNotMangled() {
        byte[] gbk = "sku,supplierSku,title\nA,B,陶瓷杯\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> rows(FeedFormat.CSV, gbk)).isInstanceOf(FeedMalformedException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void jsonRowsAreNumberedByTheirPlaceInTheArray() {
        List<ParsedRow> rows = rows(FeedFormat.JSON, "[{\"sku\":\"A\"},{\"sku\":\"B\"}]");
        assertThat(rows).extracting(ParsedRow::line).containsExactly(1, 2);
    }

    @Test
    void brokenJsonStopsAtTheRowItBreaksIn() {
        try (FeedRows feed = FeedFormat.JSON.open(new ByteArrayInputStream(
                "[{\"sku\":\"A\"},{\"sku\":\"B\",".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(feed.next().fields().get("sku").asString()).isEqualTo("A");
            assertThatThrownBy(feed::next).isInstanceOf(FeedMalformedException.class).hasMessageContaining("row 2");
        }
        assertThatThrownBy(() -> rows(FeedFormat.JSON, "{\"sku\":\"A\"}")).hasMessageContaining("array");
    }

    /** A feed is read as it arrives: the first row is ready long before the end of a large file is read. */
    @Test
    void bothFormatsReadAHugeFeedWithoutReadingItWhole() {
        for (FeedFormat format : FeedFormat.values()) {
            CountingStream body = new CountingStream(generated(format, 200_000));
            try (FeedRows feed = format.open(body)) {
                assertThat(feed.next()).isNotNull();
                assertThat(body.read).as(format + ": bytes read for the first row").isLessThan(64 * 1024);
                int count = 1;
                while (feed.next() != null) {
                    count++;
                }
                assertThat(count).isEqualTo(200_000);
            }
        }
    }

    /** Rows made up as they are read, never all in memory. */
    private static InputStream generated(FeedFormat format, int rows) {
        return new InputStream() {
            private int row = -1;
            private byte[] chunk = (format == FeedFormat.CSV ? "sku,supplierSku,stock\n" : "[")
                    .getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() {
                if (at == chunk.length) {
                    row++;
                    if (row > rows) {
                        return -1;
                    }
                    String text = row == rows ? (format == FeedFormat.CSV ? "" : "]")
                            : format == FeedFormat.CSV ? "SKU-" + row + ",S-" + row + "," + row + "\n"
                            : (row == 0 ? "" : ",") + "{\"sku\":\"SKU-" + row + "\",\"supplierSku\":\"S\",\"stock\":" + row + "}";
                    chunk = text.getBytes(StandardCharsets.UTF_8);
                    at = 0;
                    if (chunk.length == 0) {
                        return -1;
                    }
                }
                return chunk[at++];
            }
        };
    }

    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
