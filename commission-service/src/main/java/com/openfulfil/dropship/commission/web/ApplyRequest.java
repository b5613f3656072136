package com.openfulfil.dropship.commission.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/partners/apply}. */
record ApplyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ().-]{6,32}", message = "must be a phone number") String phone,
        @Size(max = 500) String payoutDetails) {
}
