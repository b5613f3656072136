package com.openfulfil.dropship.supplierportal.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a spreadsheet's CSV: what the tracking upload's row-level report counts lines by. */
class CsvTest {
    private static List<Csv.Record> read(String text) {
        return Csv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> fields(String text) {
        return read(text).stream().map(Csv.Record::fields).toList();
    }

    @Test
    void readsQuotedFieldsWithSeparatorsDoubledQuotesAndLineBreaks() {
        assertThat(fields("a,b,c\n\"Mug, 350 ml\",\"The \"\"best\"\" mug\",\"one\ntwo\"\n"))
                .containsExactly(List.of("a", "b", "c"), List.of("Mug, 350 ml", "The \"best\" mug", "one\ntwo"));
    }

    @Test
    void eachRecordKnowsTheLineItStartsOnCountingQuotedLineBreaksAndBlankLines() {
        List<Csv.Record> records = read("\uFEFFa,b\r\nx,\"1\r\n2\"\r\n\r\ny,3\r\n");
        assertThat(records).extracting(Csv.Record::line).containsExactly(1, 2, 5);
        assertThat(records.get(0).fields()).containsExactly("a", "b");
    }

    @Test
    void takesCarriageReturnOnlyLineEnds() {
        assertThat(read("a,b\rx,1\ry,2\r")).extracting(Csv.Record::line).containsExactly(1, 2, 3);
    }

    @Test
    void theHeaderDecidesTheSeparator() {
        assertThat(fields("a;b;c\n1,5;x;y\n").get(1)).containsExactly("1,5", "x", "y");
        assertThat(fields("a\tb\n1,5\tx\n").get(1)).containsExactly("1,5", "x");
        assertThat(fields("only\nx,y\n").get(1)).as("one column: a comma").containsExactly("x", "y");
    }

    @Test
    void leavesOutRecordsWithNothingInThem() {
        assertThat(fields("a,b\n,\n , \nx,y\n")).containsExactly(List.of("a", "b"), List.of("x", "y"));
        assertThat(read("")).isEmpty();
    }

    @Test
    void aFieldIsReadTrimmedAndAMissingOneIsEmpty() {
        Csv.Record record = read("a,b,c\n  dsp-1 ,DHL\n").get(1);
        assertThat(record.field(0)).isEqualTo("dsp-1");
        assertThat(record.field(2)).isEmpty();
        assertThat(record.field(-1)).isEmpty();
    }

    @Test
    void refusesAQuoteNeverClosedAtTheLineItOpensAndTextThatIsNotUtf8() {
        assertThatThrownBy(() -> read("a,b\nx,y\n\"never closed,z\nw,v\n")).isInstanceOf(Csv.CsvException.class)
                .hasMessage("a quoted field starting on line 3 is never closed")
                .satisfies(e -> assertThat(((Csv.CsvException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> Csv.read("a,b\nx,é\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(Csv.CsvException.class).hasMessageContaining("not UTF-8");
    }
}
