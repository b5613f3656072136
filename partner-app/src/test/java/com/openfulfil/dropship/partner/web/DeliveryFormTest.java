package com.openfulfil.dropship.partner.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryFormTest {
    private static final String OURS = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static DeliveryForm form(String requestId, String phone, String line2, String country, String payment) {
        return new DeliveryForm(requestId, "2", "15,00", " Trần Văn Minh ", "minh@example.vn", phone, "12 Phố Huế ",
                line2, "Hà Nội", "", "100000", country, "vi", payment);
    }

    @Test
    void keepsTheRequestIdItHandedOutAndReplacesAnyOther() {
        assertThat(form(OURS, "", "", "VN", "PAID").requestId()).isEqualTo(OURS);
        String replaced = form("someone-elses-order", "", "", "VN", "PAID").requestId();
        assertThat(replaced).isNotEqualTo("someone-elses-order").matches("[0-9a-f-]{36}");
        assertThat(form(null, "", "", "VN", "PAID").requestId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theSameRequestIdIsTheSameReference() {
        assertThat(form(OURS, "", "", "VN", "PAID").reference()).isEqualTo("WEB-0F8FAD5BD9")
                .isEqualTo(form(OURS, "+84 24 3825 1234", "", "vn", "").reference());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOrderLeavesOutBlankOptionalFieldsAndStripsTheRest() {
        Map<String, Object> body = form(OURS, " ", "", " vn ", "").orderBody("TOWEL-01", "VND", 2,
                new BigDecimal("15.00"));
        Map<String, Object> customer = (Map<String, Object>) body.get("customer");
        Map<String, Object> shipTo = (Map<String, Object>) body.get("shipTo");
        assertThat(customer).containsEntry("name", "Trần Văn Minh").containsEntry("locale", "vi")
                .doesNotContainKey("phone");
        assertThat(shipTo).containsEntry("line1", "12 Phố Huế").containsEntry("country", "VN")
                .doesNotContainKeys("line2", "region");
        assertThat(body).containsEntry("paymentStatus", "PAID").containsEntry("externalRef", "WEB-0F8FAD5BD9");
        assertThat(body.get("lines")).isEqualTo(List.of(Map.of("sku", "TOWEL-01", "quantity", 2,
                "salePrice", new BigDecimal("15.00"))));
    }

    @Test
    void aFreshDialogIsOneItemAtThePriceShippingInVietnam() {
        DeliveryForm fresh = DeliveryForm.fresh("29.200", "en");
        assertThat(fresh.quantity()).isEqualTo("1");
        assertThat(fresh.salePrice()).isEqualTo("29.200");
        assertThat(fresh.country()).isEqualTo("VN");
        assertThat(fresh.payment()).isEqualTo("PAID");
        assertThat(fresh.requestId()).isNotEqualTo(DeliveryForm.fresh("29.200", "en").requestId());
    }

    @Test
    void namesOnlyTheDialogsOwnFields() {
        assertThat(form(OURS, "", "", "VN", "PAID").value("city")).isEqualTo("Hà Nội");
        assertThatThrownBy(() -> form(OURS, "", "", "VN", "PAID").value("password"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }
}
