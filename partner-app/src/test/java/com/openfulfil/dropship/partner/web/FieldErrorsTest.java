package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.connector.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorsTest {
    @Test
    void putsEachProblemFieldNextToItsFormFieldJoiningSeveralMessages() {
        Map<String, String> errors = FieldErrors.onForm(List.of(
                new ServiceProblem.FieldError("customer.email", "must be an email address"),
                new ServiceProblem.FieldError("shipTo.country", "must be an ISO country code"),
                new ServiceProblem.FieldError("shipTo.country", "is not shipped to")), Map.of());
        assertThat(errors).containsEntry("email", "must be an email address")
                .containsEntry("country", "must be an ISO country code; is not shipped to");
        assertThat(FieldErrors.elsewhere(errors)).isEmpty();
    }

    @Test
    void aFieldTheFormDoesNotHaveIsShownAboveItWithItsName() {
        Map<String, String> errors = FieldErrors.onForm(
                List.of(new ServiceProblem.FieldError("lines[0].sku", "is not in the catalog")),
                Map.of("salePrice", "is not a price"));
        assertThat(errors).containsEntry("salePrice", "is not a price");
        assertThat(FieldErrors.elsewhere(errors)).containsExactly("lines[0].sku: is not in the catalog");
    }
}
