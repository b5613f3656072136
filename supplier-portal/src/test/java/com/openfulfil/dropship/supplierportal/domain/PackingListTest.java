package com.openfulfil.dropship.supplierportal.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackingListTest {

    private static String csv(List<PortalDispatch> dispatches) {
        return new String(PackingList.csv(dispatches, SlaTerms.STANDARD), StandardCharsets.UTF_8);
    }

    @Test
    void startsWithTheByteOrderMarkAndAHeaderSoSpreadsheetsOpenItAsUtf8() {
        byte[] file = PackingList.csv(List.of(), SlaTerms.STANDARD);
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv(List.of())).isEqualTo(Csv.BOM + String.join(",", PackingList.HEADER) + "\r\n");
    }

    @Test
    void writesOneRowPerItemWithAddressRequestsAndBranding() {
        String text = csv(List.of(Dispatches.newDispatch("dsp-1")));
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("dsp-1,ord-dsp-1,2026-11-02T09:15:00Z,2026-11-04T09:15:00Z,EXPEDITED,1,LL-TT-01,TOWEL-020,")
                .contains("\"Linen tea towel, \"\"natural\"\"\",2,Nguyễn Thị Lan,12 Phố Hàng Bạc,\"Tầng 3, phòng 301\",100000,Hà Nội,,VN,+84 24 3825 1234,yes,no,\"Giao giờ hành chính, gọi trước\",yes,Acme Home,")
                .endsWith(",,");
        assertThat(lines.get(2)).contains(",2,LL-NP-04,NAPKIN-021,\"Napkins, set of 4\",1,");
    }

    @Test
    void aTextThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String text = csv(List.of(Dispatches.newDispatch("dsp-1")));
        assertThat(text).contains(",\"'=Thank you, from Acme Home\",").doesNotContain(",=Thank");
        assertThat(Csv.quote("+84 24 3825 1234")).isEqualTo("+84 24 3825 1234");
        assertThat(Csv.quote("-SUM(A1)")).isEqualTo("'-SUM(A1)");
        assertThat(Csv.quote("@cmd")).isEqualTo("'@cmd");
    }

    @Test
    void readsBackAsTheSameFields() {
        byte[] file = PackingList.csv(List.of(Dispatches.newDispatch("dsp-1")), SlaTerms.STANDARD);
        List<Csv.Record> records = Csv.read(file);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).fields()).isEqualTo(PackingList.HEADER);
        assertThat(records.get(1).field(PackingList.HEADER.indexOf("title"))).isEqualTo("Linen tea towel, \"natural\"");
        assertThat(records.get(1).field(PackingList.HEADER.indexOf("ship_to_line2"))).isEqualTo("Tầng 3, phòng 301");
        assertThat(records.get(1).field(PackingList.HEADER.indexOf("insert_card"))).isEqualTo("'=Thank you, from Acme Home");
    }

    @Test
    void leavesOutADispatchWhoseInstructionIsNotReadYet() {
        PortalDispatch unread = PortalDispatch.sent(Dispatches.SUPPLIER, "dsp-2", "ord-2", Dispatches.SENT);
        assertThat(Csv.read(PackingList.csv(List.of(unread), SlaTerms.STANDARD))).hasSize(1);
    }
}
