package com.openfulfil.dropship.supplierportal.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingUploadTest {
    private static final Set<String> CARRIERS = Set.of("COLISSIMO", "DHL", "VNPOST");

    private static TrackingUpload.Parsed parse(String text) {
        return TrackingUpload.parse(text.getBytes(StandardCharsets.UTF_8), CARRIERS);
    }

    @Test
    void readsRowsWithSeveralParcelsAndAByteOrderMark() {
        TrackingUpload.Parsed parsed = parse("\uFEFFdispatch_id,carrier,tracking_numbers\r\n"
                + "dsp-1,colissimo,\"6A123456789, 6A987654321\"\r\n"
                + "dsp-2,DHL,JD0123456789 ; jd0123456780\r\n");
        assertThat(parsed.received()).isEqualTo(2);
        assertThat(parsed.refused()).isEmpty();
        assertThat(parsed.rows()).containsExactly(
                new TrackingUpload.Row(2, "dsp-1", "COLISSIMO", List.of("6A123456789", "6A987654321")),
                new TrackingUpload.Row(3, "dsp-2", "DHL", List.of("JD0123456789", "JD0123456780")));
    }

    @Test
    void findsItsColumnsByNameInAnyOrderAndCaseAndReadsSemicolonFiles() {
        TrackingUpload.Parsed parsed = parse("Tracking numbers;Note;Carrier;Dispatch ID\n"
                + "VN123456789012;\"giao hàng; nhanh\";VNPOST;dsp-3\n");
        assertThat(parsed.rows()).containsExactly(new TrackingUpload.Row(2, "dsp-3", "VNPOST", List.of("VN123456789012")));
    }

    @Test
    void refusesEachBadRowWithItsLineAndFieldAndKeepsTheGoodOnes() {
        TrackingUpload.Parsed parsed = parse("dispatch_id,carrier,tracking_numbers\n"
                + "dsp-1,COLISSIMO,6A123456789\n"
                + ",COLISSIMO,6A123456789\n"
                + "dsp-2,Poste Ü,6A123456789\n"
                + "dsp-3,DHL,\"JD0123456789\nJD0123456780\"\n"
                + "dsp-4,DHL,số-789\n"
                + "dsp-5,DHL,\n");
        assertThat(parsed.rows()).extracting(TrackingUpload.Row::line).containsExactly(2, 5);
        assertThat(parsed.rows().get(1).trackingNumbers()).containsExactly("JD0123456789", "JD0123456780");
        assertThat(parsed.refused()).extracting(TrackingUpload.Refusal::line, TrackingUpload.Refusal::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "dispatch_id"),
                        org.assertj.core.groups.Tuple.tuple(4, "carrier"),
                        org.assertj.core.groups.Tuple.tuple(7, "tracking_numbers"),
                        org.assertj.core.groups.Tuple.tuple(8, "tracking_numbers"));
        assertThat(parsed.refused().get(1).reason()).contains("POSTE Ü", "COLISSIMO, DHL, VNPOST");
        assertThat(parsed.refused().get(2).reason()).contains("SỐ-789");
    }

    @Test
    void skipsThePackingListsRowsLeftEmptyAndBlankLines() {
        byte[] packingList = PackingList.csv(List.of(Dispatches.newDispatch("dsp-1")), SlaTerms.STANDARD);
        String filledIn = new String(packingList, StandardCharsets.UTF_8).replaceFirst(",,,\r\n", ",COLISSIMO,6A123456789,\r\n")
                + "\r\n";
        TrackingUpload.Parsed parsed = TrackingUpload.parse(filledIn.getBytes(StandardCharsets.UTF_8), CARRIERS);
        assertThat(parsed.received()).isEqualTo(2);
        assertThat(parsed.skipped()).isEqualTo(1);
        assertThat(parsed.rows()).containsExactly(new TrackingUpload.Row(2, "dsp-1", "COLISSIMO", List.of("6A123456789")));
    }

    @Test
    void aRowNamingOneParcelAndItsUnitsInParcelSaysWhatThatParcelHolds() {
        TrackingUpload.Parsed parsed = parse("dispatch_id,carrier,tracking_numbers,line_no,quantity,units_in_parcel\n"
                + "dsp-1,DHL,JD0123456789,1,3,2\n"
                + "dsp-1,DHL,JD0123456780,1,3,1\n"
                + "dsp-1,DHL,JD0123456780,2,1,\n"
                + "dsp-2,DHL,JD0000000001 JD0000000002,1,2,1\n"
                + "dsp-3,DHL,JD0000000003,,1,1\n"
                + "dsp-4,DHL,JD0000000004,1,1,none\n");

        assertThat(parsed.rows()).containsExactly(
                new TrackingUpload.Row(2, "dsp-1", "DHL", List.of("JD0123456789"), 1, 2),
                new TrackingUpload.Row(3, "dsp-1", "DHL", List.of("JD0123456780"), 1, 1),
                new TrackingUpload.Row(4, "dsp-1", "DHL", List.of("JD0123456780")));
        assertThat(parsed.refused()).extracting(TrackingUpload.Refusal::line, TrackingUpload.Refusal::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "units_in_parcel"),
                        org.assertj.core.groups.Tuple.tuple(6, "line_no"),
                        org.assertj.core.groups.Tuple.tuple(7, "units_in_parcel"));
    }

    @Test
    void refusesAFileItCannotRead() {
        assertThatThrownBy(() -> parse("dispatch,carrier\ndsp-1,DHL\n")).isInstanceOf(Csv.CsvException.class)
                .hasMessageContaining("missing: tracking_numbers");
        assertThatThrownBy(() -> parse("dispatch_id,carrier,tracking_numbers\ndsp-1,DHL,\"JD01234\n"))
                .isInstanceOf(Csv.CsvException.class).hasMessageContaining("line 2 is never closed");
        assertThatThrownBy(() -> parse("")).isInstanceOf(Csv.CsvException.class).hasMessageContaining("empty");
        byte[] latin1 = "dispatch_id,carrier,tracking_numbers\ndsp-1,DHL,JD0123 é\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TrackingUpload.parse(latin1, CARRIERS)).isInstanceOf(Csv.CsvException.class)
                .hasMessageContaining("not UTF-8");
    }
}
