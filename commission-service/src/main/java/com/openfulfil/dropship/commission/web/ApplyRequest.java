package com.openfulfil.dropship.commission.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/partners/apply}; {@code payoutDetails} are optional here and can be given later. */
record ApplyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ().-]{6,32}", message = "must be a phone number") String phone,
        @Size(max = PayoutDetailsRequest.MAX) String payoutDetails) {

    boolean hasPayoutDetails() {
        return payoutDetails != null && !payoutDetails.isBlank();
    }

    /** Without the payout details, so a log line cannot carry them. */
    @Override
    public String toString() {
        return "ApplyRequest[name=" + name + ", email=" + email + ", payoutDetails=" + (hasPayoutDetails() ? "..." : "none") + "]";
    }
}
