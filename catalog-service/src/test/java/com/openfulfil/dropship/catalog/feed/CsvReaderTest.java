package com.openfulfil.dropship.catalog.feed;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    private static List<List<String>> all(String text) {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void readsPlainAndQuotedFields() {
        assertThat(all("sku,title,cost\nMUG-001,\"Mug, 350 ml\",4.20\n"))
                .containsExactly(List.of("sku", "title", "cost"), List.of("MUG-001", "Mug, 350 ml", "4.20"));
    }

    @Test
    void aDoubledQuoteInsideQuotesIsOneQuote() {
        assertThat(all("a,b\n\"The \"\"best\"\" mug\",x\n").get(1)).containsExactly("The \"best\" mug", "x");
    }

    @Test
    void aQuotedFieldMaySpanLines() {
        CsvReader reader = new CsvReader(new StringReader("sku,description\r\nA,\"line one\r\nline two\"\r\nB,plain\r\n"));
        reader.next();
        assertThat(reader.next()).containsExactly("A", "line one\nline two");
        assertThat(reader.recordLine()).isEqualTo(2);
        assertThat(reader.next()).containsExactly("B", "plain");
        assertThat(reader.recordLine()).as("the quoted line break counts").isEqualTo(4);
        assertThat(reader.next()).isNull();
    }

    @Test
    void ignoresAByteOrderMarkAndBlankLines() {
        assertThat(all("\uFEFFsku,stock\n\nA,1\n\n\nB,2")).containsExactly(List.of("sku", "stock"), List.of("A", "1"),
                List.of("B", "2"));
    }

    @Test
    void takesTheSemicolonOrTabSomeSpreadsheetsExport() {
        assertThat(all("sku;title;cost\nA;Nappe, lin;12,50\n").get(1)).containsExactly("A", "Nappe, lin", "12,50");
        assertThat(all("sku\ttitle\nA\tx, y\n").get(1)).containsExactly("A", "x, y");
    }

    @Test
    void keepsChineseVietnameseAndFrenchText() {
        assertThat(all("title,description\n陶瓷杯,\"Nón lá, Huế\"\nTorchon,Lin lavé à la pierre — « doux »\n"))
                .containsExactly(List.of("title", "description"), List.of("陶瓷杯", "Nón lá, Huế"),
                        List.of("Torchon", "Lin lavé à la pierre — « doux »"));
    }

    @Test
    void keepsEmptyCells() {
        assertThat(all("a,b,c\n,,x\n").get(1)).containsExactly("", "", "x");
    }

    @Test
    void anUnclosedQuoteIsAMalformedFileAtTheLineItOpened() {
        CsvReader reader = new CsvReader(new StringReader("sku,title\nA,ok\nB,\"never closed\nC,x\n"));
        reader.next();
        reader.next();
        assertThatThrownBy(reader::next).isInstanceOf(FeedMalformedException.class)
                .hasMessageContaining("line 3")
                .satisfies(e -> assertThat(((FeedMalformedException) e).line()).isEqualTo(3));
    }
}
