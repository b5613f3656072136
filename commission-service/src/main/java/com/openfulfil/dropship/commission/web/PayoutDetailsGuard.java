package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.stream.PayoutDetailsBook;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** Payout details are kept only encrypted: without a key, a request carrying them is refused whole. */
final class PayoutDetailsGuard {
    private PayoutDetailsGuard() {
    }

    static void requireKey(PayoutDetailsBook book) {
        if (!book.acceptsDetails()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "payout-details-unavailable",
                    "Payout details cannot be kept right now",
                    "Nothing was changed. Send the request again later, or without payout details.",
                    List.of(FieldProblem.of("payoutDetails", "cannot be kept right now")), Map.of());
        }
    }
}
