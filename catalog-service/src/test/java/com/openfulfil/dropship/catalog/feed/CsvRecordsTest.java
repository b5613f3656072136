package com.openfulfil.dropship.catalog.feed;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTest {

    private static List<List<String>> all(String text) {
        return records(text).stream().map(CsvRecords.Record::fields).toList();
    }

    private static List<CsvRecords.Record> records(String text) {
        List<CsvRecords.Record> records = new ArrayList<>();
        try (CsvRecords csv = new CsvRecords(new StringReader(text))) {
            for (CsvRecords.Record r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static FeedMalformedException failure(String text) {
        try (CsvRecords csv = new CsvRecords(new StringReader(text))) {
            while (csv.next() != null) {
                // read up to the failure
            }
        } catch (FeedMalformedException e) {
            return e;
        }
        throw new AssertionError("the file was read without a failure");
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
        List<CsvRecords.Record> records = records("sku,description\r\nA,\"line one\r\nline two\"\r\nB,plain\r\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("A", "line one\nline two");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).fields()).containsExactly("B", "plain");
        assertThat(records.get(2).line()).as("the quoted line break counts").isEqualTo(4);
    }

    @Test
    void aQuotedLineBreakReadsAsOneNewlineWhateverTheFileUses() {
        assertThat(all("a,b\nx,\"one\rtwo\nthree\r\nfour\"\n").get(1)).containsExactly("x", "one\ntwo\nthree\nfour");
        assertThat(records("a,b\rx,\"one\rtwo\"\ry,z\r").get(2).line()).as("CR-only line ends count").isEqualTo(4);
    }

    @Test
    void ignoresAByteOrderMarkAndBlankLines() {
        List<CsvRecords.Record> records = records("\uFEFFsku,stock\n\nA,1\n\n\nB,2");
        assertThat(records).extracting(CsvRecords.Record::fields).containsExactly(List.of("sku", "stock"),
                List.of("A", "1"), List.of("B", "2"));
        assertThat(records).extracting(CsvRecords.Record::line).as("blank lines count").containsExactly(1, 3, 6);
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsNotPartOfIt() {
        assertThat(all("\uFEFF\"sku\";\"title\"\nA;\"x; y\"\n"))
                .containsExactly(List.of("sku", "title"), List.of("A", "x; y"));
    }

    @Test
    void takesTheSemicolonOrTabSomeSpreadsheetsExport() {
        assertThat(all("sku;title;cost\nA;Nappe, lin;12,50\n").get(1)).containsExactly("A", "Nappe, lin", "12,50");
        assertThat(all("sku\ttitle\nA\tx, y\n").get(1)).containsExactly("A", "x, y");
    }

    @Test
    void theHeadersFirstSeparatorOutsideQuotesDecides() {
        assertThat(all("\"Our SKU, ours\";\"Title\"\nA;x, y\n").get(1)).containsExactly("A", "x, y");
        assertThat(all("\"a \"\"b\"\", c\";d\nA;x, y\n").get(0)).containsExactly("a \"b\", c", "d");
        assertThat(all("\n\nsku;title\nA;x, y\n").get(1)).as("after blank lines").containsExactly("A", "x, y");
        assertThat(all("sku\nA,B\n").get(1)).as("one column: a comma").containsExactly("A", "B");
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
    void anEmptyFileHasNoRecords() {
        assertThat(all("")).isEmpty();
        assertThat(all("\uFEFF\n\n")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsAMalformedFileAtTheLineItOpened() {
        FeedMalformedException e = failure("sku,title\nA,ok\nB,\"never closed\nC,x\n");
        assertThat(e).hasMessageContaining("line 3").hasMessageContaining("never closed");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void textAfterAClosingQuoteIsAMalformedFileAtItsLine() {
        FeedMalformedException e = failure("sku,title\nA,ok\nB,\"Mug\" 350 ml,x\n");
        assertThat(e).hasMessageStartingWith("the CSV cannot be read on line 3");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aFieldLongerThanTheLimitIsAMalformedFileNotAnOutOfMemory() {
        FeedMalformedException e = failure("sku,title\nA,ok\nB,\"" + "x".repeat(CsvRecords.MAX_FIELD + 1) + "\"\n");
        assertThat(e).hasMessage("a field on line 3 is longer than " + CsvRecords.MAX_FIELD + " characters");
        assertThat(e.line()).isEqualTo(3);
        assertThat(all("a\n" + "x".repeat(CsvRecords.MAX_FIELD) + "\n").get(1).get(0))
                .as("a field of exactly the limit").hasSize(CsvRecords.MAX_FIELD);
    }
}
