package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.connector.ServiceProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts each field a service's problem names next to the dialog's field for it. */
final class FieldErrors {
    /** Where the problem's fields go on the form; a field not here is shown above the form. */
    private static final Map<String, String> ON_FORM = Map.ofEntries(
            Map.entry("customer.name", "name"), Map.entry("customer.email", "email"),
            Map.entry("customer.phone", "phone"), Map.entry("customer.locale", "customerLanguage"),
            Map.entry("shipTo.line1", "line1"), Map.entry("shipTo.line2", "line2"), Map.entry("shipTo.city", "city"),
            Map.entry("shipTo.region", "region"), Map.entry("shipTo.postalCode", "postalCode"),
            Map.entry("shipTo.country", "country"), Map.entry("lines[0].quantity", "quantity"),
            Map.entry("lines[0].salePrice", "salePrice"), Map.entry("paymentStatus", "payment"));
    static final List<String> FORM_FIELDS = List.copyOf(ON_FORM.values());

    private FieldErrors() {
    }

    /** The form field of each problem field (several messages for one field are joined); others keep their name. */
    static Map<String, String> onForm(List<ServiceProblem.FieldError> problems, Map<String, String> already) {
        Map<String, String> errors = new LinkedHashMap<>(already);
        for (ServiceProblem.FieldError problem : problems) {
            String field = ON_FORM.getOrDefault(problem.field(), problem.field());
            errors.merge(field, problem.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** The errors that have no field of their own on the form, as "field: message". */
    static List<String> elsewhere(Map<String, String> errors) {
        return errors.entrySet().stream().filter(e -> !FORM_FIELDS.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
